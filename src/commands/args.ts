/** Command-line parsing on node:util parseArgs, with our usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OperationError } from '../errors.js';
import { LIMITS } from '../snapshot/format.js';
import { escapeControls } from '../report/escape.js';
import { suggestion } from './did-you-mean.js';
import type { Logger } from './logger.js';

export interface CommandContext {
  log: Logger;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  json: { type: 'boolean' },
} as const satisfies Options;

/** Read commands on a delta snapshot: where else its parents may be, and how deep a chain to follow. */
export const CHAIN_OPTIONS = {
  parent: { type: 'string', multiple: true },
  'max-depth': { type: 'string' },
} as const satisfies Options;

export const CHAIN_HELP = `      --parent FILE   a parent of a delta snapshot, when it is neither next to it nor in the
                      store (repeatable)
      --max-depth N   follow at most N layers of a delta chain (default: 16)`;

/** The chain options as openSnapshotAnywhere takes them. */
export function chainOptions(values: { parent?: string[]; 'max-depth'?: string }): { parents: string[]; maxDepth: number | undefined } {
  const text = values['max-depth'];
  let maxDepth: number | undefined;
  if (text !== undefined) {
    maxDepth = Number(text);
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > LIMITS.chainDepth) throw new OperationError('E_USAGE', `--max-depth takes a whole number from 1 to ${LIMITS.chainDepth} (got ${JSON.stringify(text)})`);
  }
  return { parents: values.parent ?? [], maxDepth };
}

export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const longNames = Object.keys(options).map((name) => `--${name}`);
      // `-workers` reaches parseArgs as the short option `-w`: suggest from the whole word.
      const word = unknown.startsWith('--') ? unknown : argv.find((a) => a.startsWith(unknown) && !a.startsWith('--') && a.length > 2);
      const hint = word === undefined ? '' : suggestion(word.startsWith('--') ? word : `-${word}`, longNames);
      throw new OperationError('E_USAGE', `unknown option ${escapeControls(word ?? unknown)} for 'vitsnap ${command}'${hint}; run 'vitsnap ${command} --help'`);
    }
    const what = message.split('\n')[0]?.replace(/\.$/, '');
    throw new OperationError('E_USAGE', `${what} for 'vitsnap ${command}'; run 'vitsnap ${command} --help'`);
  }
}

/** Refuses options that ask for different things at once (`--json --markdown`) instead of silently picking one. */
export function exclusiveFlags(command: string, values: Readonly<Record<string, unknown>>, names: readonly string[]): void {
  const given = names.filter((name) => values[name] !== undefined && values[name] !== false);
  if (given.length > 1) {
    const list = given.map((name) => `--${name}`);
    throw new OperationError('E_USAGE', `${list.join(' and ')} cannot be combined for 'vitsnap ${command}'; pick one (run 'vitsnap ${command} --help')`);
  }
}

export function requireOne(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new OperationError('E_USAGE', `${command} takes exactly one ${what}; run 'vitsnap ${command} --help'`);
  }
  return positionals[0] as string;
}
