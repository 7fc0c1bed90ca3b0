/**
 * Output hygiene for names we did not choose: file paths, archive member names, symlink targets,
 * toolchain versions, metadata command output. A name may hold a newline that forges a report
 * line, an ESC sequence that drives the terminal, or a bidi override that reorders what a reader
 * sees. Every human-facing presenter passes such text through `escapeControls`; JSON stays exact.
 */

/**
 * C0 controls and DEL, C1 controls, the line and paragraph separators, the bidi embeddings,
 * overrides and isolates, the implicit direction marks, lone surrogates (UTF-8 output would turn
 * them into U+FFFD, hiding that two names differ), and byte-order marks / zero-width no-breaks.
 */
// With the `u` flag a surrogate range matches only surrogates that are not half of a pair.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;

const UNSAFE_ONE = new RegExp(UNSAFE.source, 'u');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** True when `text` holds a character `escapeControls` would rewrite. */
export function hasControls(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/**
 * `a\nb\x1b[2J` → `a\\nb\\x1b[2J`: every unsafe character as a visible escape, so the text is one
 * line and inert on a terminal. Backslashes are left alone (source lines and Windows paths are
 * full of them); the JSON report is the exact record when a name must be told apart.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** Escapes each line of a multi-line text on its own, keeping the line breaks that are ours. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/** At most `max` characters, ending in `…` when cut; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
