/** vitsnap: argv → command → exit code (0 ok, 1 drift, 2 error). The only place that exits. */
import { abortUnfinishedFiles } from './snapshot/atomic-file.js';
import type { Command } from './commands/args.js';
import { createCommand } from './commands/create.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { infoCommand } from './commands/info.js';
import { suggestion } from './commands/did-you-mean.js';
import { createLogger } from './commands/logger.js';
import { rebuildCommand } from './commands/rebuild.js';
import { restoreCommand } from './commands/restore.js';
import { storeCommand } from './commands/store.js';
import { pullCommand, pushCommand } from './commands/registry.js';
import { verifyCommand } from './commands/verify.js';
import { flattenCommand, mergeCommand } from './commands/chain.js';
import { fromSystemError, isSystemError, isVitsnapError } from './errors.js';
import { undoInterruptedWork } from './interrupt.js';
import { escapeControls, escapeLines } from './report/escape.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_DRIFT = 1;
export const EXIT_ERROR = 2;

const COMMANDS: readonly Command[] = [createCommand, diffCommand, rebuildCommand, infoCommand, verifyCommand, restoreCommand, exportCommand, flattenCommand, mergeCommand, storeCommand, pushCommand, pullCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `vitsnap ${VERSION}: capture build outputs and toolchain metadata into .vitsnap snapshots

Usage: vitsnap <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Examples:
  vitsnap create -C build -o build.vitsnap     snapshot everything under build/
  vitsnap diff main.vitsnap build.vitsnap      what drifted, where, and why
  vitsnap info build.vitsnap                   what it holds, and which toolchains made it
  vitsnap restore build.vitsnap -C /tmp/out    the exact bytes back, verified
  vitsnap rebuild --outputs 'out/**' -- make   is the build reproducible? if not, why

Run 'vitsnap <command> --help' for a command's options and examples.
Exit codes: 0 ok (diff: identical), 1 drift found (diff), 2 error.
Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 turns it on (also into a pipe).
`;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(usage());
    return EXIT_ERROR;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const hint = suggestion(name, COMMANDS.map((c) => c.name));
    process.stderr.write(`vitsnap: error E_USAGE: unknown command ${escapeControls(JSON.stringify(name))}${hint}; run 'vitsnap --help' for the list\n`);
    return EXIT_ERROR;
  }
  // After '--' come another program's arguments (rebuild's build command), not ours.
  const end = rest.indexOf('--');
  const own = end === -1 ? rest : rest.slice(0, end);
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(command.help);
    return EXIT_OK;
  }
  const quiet = own.includes('--quiet') || own.includes('-q');
  const log = createLogger({ quiet, stderrIsTTY: process.stderr.isTTY === true, stdoutIsTTY: process.stdout.isTTY === true, env });
  try {
    return await command.run(rest, { log, cwd, env });
  } catch (error) {
    log.done();
    process.stderr.write(describeError(error, command.name, env.VITSNAP_DEBUG === '1'));
    return EXIT_ERROR;
  }
}

const REPORT_BUG = 'This is a bug in vitsnap; please report it in the snapshot-action issue tracker with the command you ran and this output.';
const REPORT_BUG_LOWER = 'report it in the snapshot-action issue tracker with the command you ran';

/**
 * The error line(s) for a failed command. A system error that no command mapped still gets a code
 * and its path; anything else is a bug: one line by default, the stack only with VITSNAP_DEBUG=1.
 */
export function describeError(error: unknown, commandName: string, debug: boolean): string {
  const coded = isSystemError(error) ? fromSystemError(error, `${commandName} could not ${error.syscall ?? 'finish'}${error.path === undefined ? '' : ` ${error.path}`}`) : error;
  // Messages name paths from snapshots and file systems: one line, inert on a terminal.
  if (isVitsnapError(coded)) {
    const stack = debug && error instanceof Error ? `${escapeLines(error.stack ?? '')}\n` : '';
    return `vitsnap: error ${coded.code}: ${escapeControls(coded.message)}\n${stack}`;
  }
  const e = coded instanceof Error ? coded : new Error(String(coded));
  const message = escapeControls(e.message);
  if (debug) return `vitsnap: error E_INTERNAL: ${message}\n${escapeLines(e.stack ?? '')}\n${REPORT_BUG}\n`;
  return `vitsnap: error E_INTERNAL: ${message}; this is a bug in vitsnap: rerun with VITSNAP_DEBUG=1 for the stack trace and ${REPORT_BUG_LOWER}\n`;
}

export function installSignalHandlers(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      abortUnfinishedFiles();
      undoInterruptedWork();
      process.stderr.write(`vitsnap: interrupted by ${signal}; nothing half-written was left behind\n`);
      process.exit(code);
    });
  }
}
