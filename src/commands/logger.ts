/** The CLI's one logger: results to stdout, progress and notes to stderr, a progress bar only on a TTY. */

export interface Logger {
  /** A result line (stdout). */
  out(line: string): void;
  /** A note (stderr), hidden by --quiet. */
  note(line: string): void;
  /** A warning (stderr), always shown. */
  warn(line: string): void;
  /** Progress for long work; a bar on a TTY, nothing otherwise. */
  progress(label: string, done: number, total: number): void;
  /** Progress for long work of unknown size: one line of text on a TTY, nothing otherwise. */
  status(text: string): void;
  /** Clears any progress bar. */
  done(): void;
}

const BAR_WIDTH = 28;
const REDRAW_MS = 100;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
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

export function createLogger(options: { quiet: boolean; stderrIsTTY: boolean }): Logger {
  if (!pipesHandled) {
    ignoreClosedPipes();
    pipesHandled = true;
  }
  let lastDraw = 0;
  let barShown = false;
  const clear = (): void => {
    if (barShown) {
      process.stderr.write('\r\x1b[2K');
      barShown = false;
    }
  };
  return {
    out(line) {
      clear();
      process.stdout.write(`${line}\n`);
    },
    note(line) {
      if (options.quiet) return;
      clear();
      process.stderr.write(`${line}\n`);
    },
    warn(line) {
      clear();
      process.stderr.write(`warning: ${line}\n`);
    },
    progress(label, done, total) {
      if (options.quiet || !options.stderrIsTTY) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      process.stderr.write(`\r\x1b[2K${label} ${bar} ${Math.floor(share * 100)}% ${formatBytes(done)} / ${formatBytes(total)}`);
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
