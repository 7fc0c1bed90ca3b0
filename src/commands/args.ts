/** Command-line parsing on node:util parseArgs, with our usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OperationError } from '../errors.js';
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

export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    const what = unknown !== null ? `unknown option ${unknown[1]}` : message.split('\n')[0]?.replace(/\.$/, '');
    throw new OperationError('E_USAGE', `${what} for 'vitsnap ${command}'; run 'vitsnap ${command} --help'`);
  }
}

export function requireOne(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new OperationError('E_USAGE', `${command} takes exactly one ${what}; run 'vitsnap ${command} --help'`);
  }
  return positionals[0] as string;
}
