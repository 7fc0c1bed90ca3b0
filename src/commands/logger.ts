/**
 * The CLI's one logger: results to stdout, progress and notes to stderr, a progress bar only on a
 * TTY, colour by the usual conventions (FORCE_COLOR, NO_COLOR, TERM=dumb, TTY).
 */
import { formatBytes } from '../format-bytes.js';
import { escapeLines } from '../report/escape.js';
import { plural } from '../report/plural.js';

/** What a progress bar counts: bytes (shown as KiB/MiB/…), or things named by a singular noun ('block'). */
export type ProgressUnit = 'bytes' | (string & {});

export interface Logger {
  /** Whether results on stdout may be coloured (`diff`'s text report); optional so test doubles need not say. */
  readonly colour?: boolean;
  /** A result line (stdout). */
  out(line: string): void;
  /** A note (stderr), hidden by --quiet. Control characters other than newlines are shown as escapes. */
  note(line: string): void;
  /** A warning (stderr), shown even under --quiet. Control characters other than newlines are shown as escapes. */
  warn(line: string): void;
  /** Progress for long work; a bar on a TTY, nothing otherwise. `unit` defaults to bytes. */
  progress(label: string, done: number, total: number, unit?: ProgressUnit): void;
  /** Progress for long work of unknown size: one line of text on a TTY, nothing otherwise. */
  status(text: string): void;
  /** Clears any progress bar. */
  done(): void;
}

const BAR_WIDTH = 28;
const REDRAW_MS = 100;

/**
 * Colour or not, for one stream: FORCE_COLOR wins (any value but `0`/`false` turns colour on, as
 * in Node), then NO_COLOR (set and not empty: off, see no-color.org), then TERM=dumb, then the TTY.
 */
export function colourEnabled(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

function progressAmount(done: number, total: number, unit: ProgressUnit): string {
  return unit === 'bytes' ? `${formatBytes(done)} / ${formatBytes(total)}` : `${done} / ${plural(total, unit)}`;
}

/** A reader that stops early (`vitsnap export … | head`) is not an error: stop writing quietly. */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

let pipesHandled = false;

export interface LoggerOptions {
  quiet: boolean;
  stderrIsTTY: boolean;
  /** Default: not a TTY (no colour unless FORCE_COLOR). */
  stdoutIsTTY?: boolean;
  /** For NO_COLOR / FORCE_COLOR / TERM; default: no variables. */
  env?: NodeJS.ProcessEnv;
}

export function createLogger(options: LoggerOptions): Logger {
  if (!pipesHandled) {
    ignoreClosedPipes();
    pipesHandled = true;
  }
  const env = options.env ?? {};
  const stderrColour = colourEnabled(options.stderrIsTTY, env);
  let lastDraw = 0;
  let barShown = false;
  const clear = (): void => {
    if (barShown) {
      process.stderr.write('\r\x1b[2K');
      barShown = false;
    }
  };
  return {
    colour: colourEnabled(options.stdoutIsTTY === true, env),
    out(line) {
      clear();
      process.stdout.write(`${line}\n`);
    },
    note(line) {
      if (options.quiet) return;
      clear();
      process.stderr.write(`${escapeLines(line)}\n`);
    },
    warn(line) {
      clear();
      process.stderr.write(`${stderrColour ? '\x1b[33mwarning:\x1b[0m' : 'warning:'} ${escapeLines(line)}\n`);
    },
    progress(label, done, total, unit = 'bytes') {
      if (options.quiet || !options.stderrIsTTY) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      process.stderr.write(`\r\x1b[2K${label} ${bar} ${Math.floor(share * 100)}% ${progressAmount(done, total, unit)}`);
      barShown = true;
    },
    status(text) {
      if (options.quiet || !options.stderrIsTTY) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      process.stderr.write(`\r\x1b[2K${text}`);
      barShown = true;
    },
    done() {
      clear();
    },
  };
}
