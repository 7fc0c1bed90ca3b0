/** The action's inputs, read and validated in one place. */
import * as core from '@actions/core';
import { OperationError } from './errors.js';
import { parsePatternList } from './snapshot/globs.js';
import { parseMetadataCommand } from './snapshot/metadata/commands.js';
import { Inputs } from './constants.js';

export interface ActionInputs {
  patterns: string[];
  name: string;
  metadataCommands: { name: string; command: string }[];
  envAllowlist: string[];
}

export function getInputs(): ActionInputs {
  const patterns = parsePatternList(core.getInput(Inputs.Path, { required: true }));
  if (patterns.length === 0) throw new OperationError('E_INPUT', `input '${Inputs.Path}' needs at least one glob, e.g. 'dist/**'`);
  const name = core.getInput(Inputs.Name) || 'snapshot';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
    throw new OperationError('E_INPUT', `input '${Inputs.Name}' must be 1–64 characters of A–Z a–z 0–9 . _ - (got ${JSON.stringify(name)})`);
  }
  const metadataCommands = core
    .getMultilineInput(Inputs.MetadataCommands)
    .filter((line) => line.trim() !== '')
    .map(parseMetadataCommand);
  const envAllowlist = core
    .getInput(Inputs.EnvAllowlist)
    .split(/[\s,]+/)
    .filter((s) => s !== '');
  return { patterns, name, metadataCommands, envAllowlist };
}
