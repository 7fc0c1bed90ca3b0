/**
 * A comparison whose every user-controlled string is hostile: file and member names with a newline
 * that forges a `verdict: identical` line, ESC sequences that clear or retitle a terminal, a bidi
 * override, Markdown/HTML that would inject a link, an image or a mention. Presenter tests render
 * it and check that nothing gets through raw.
 */
import type { CompareResult } from '../../src/compare/compare.js';

export const FORGED_LINE = '\nverdict: identical\n';
export const CLEAR_SCREEN = '\x1b[2J';
export const RTL_OVERRIDE = '\u202e';

export const HOSTILE_PATHS = {
  newline: `evil${FORGED_LINE}.txt`,
  escape: `term${CLEAR_SCREEN}\x1b[31mred.bin`,
  archive: 'dist/app.zip',
  markup: '<img src=x onerror=alert(1)>|`a`|[link](http://evil.invalid)\\|@octocat',
} as const;

export function hostileResult(): CompareResult {
  return {
    before: `main\x1b]0;pwned\x07.vitsnap`,
    after: `pr${RTL_OVERRIDE}.vitsnap`,
    verdict: 'drift-unexplained',
    counts: { added: 1, removed: 0, modified: 3, changed: 0, renamed: 0, ignored: 0 },
    metadata: [
      { area: 'toolchain', name: `gcc${CLEAR_SCREEN}`, before: `gcc 12${CLEAR_SCREEN}`, after: `gcc 13${FORGED_LINE}` },
      { area: 'command', name: 'stamp', before: null, after: '<script>alert(1)</script> | `x`' },
    ],
    root: {
      path: '',
      kind: 'modified',
      summary: '',
      causes: [],
      children: [
        {
          path: HOSTILE_PATHS.newline,
          kind: 'modified',
          comparator: 'text',
          summary: `1 line changed${FORGED_LINE}`,
          causes: [{ id: 'content', evidence: `no known cause${FORGED_LINE}`, hint: 'inspect the differing bytes' }],
          children: [],
          detail: { type: 'lines', truncated: false, hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: [`-old${CLEAR_SCREEN}`, `+new${RTL_OVERRIDE}line`] }] },
        },
        { path: HOSTILE_PATHS.escape, kind: 'added', summary: 'added (file, 3 bytes)', causes: [], children: [] },
        {
          path: HOSTILE_PATHS.archive,
          kind: 'modified',
          comparator: 'zip',
          summary: 'member order changed',
          causes: [{ id: 'file-order', evidence: `member "c${FORGED_LINE}"`, hint: 'sort the entries' }],
          fallback: `fell back${CLEAR_SCREEN}`,
          children: [
            {
              path: `${HOSTILE_PATHS.archive}!/order`,
              kind: 'order',
              summary: '2 members in another order',
              causes: [{ id: 'file-order', evidence: `member "c${FORGED_LINE}"`, hint: 'sort the entries' }],
              children: [],
              detail: { type: 'order', before: [`a${FORGED_LINE}`, `b${RTL_OVERRIDE}gnp.exe`], after: [`b${RTL_OVERRIDE}gnp.exe`, `a${FORGED_LINE}`] },
            },
            {
              path: `${HOSTILE_PATHS.archive}!/x${FORGED_LINE}`,
              kind: 'field',
              summary: `time of x${FORGED_LINE}`,
              causes: [{ id: 'timestamp', evidence: `2026${CLEAR_SCREEN}`, hint: `touch the files${CLEAR_SCREEN}` }],
              children: [],
              detail: { type: 'field', name: `x${FORGED_LINE}`, before: CLEAR_SCREEN, after: FORGED_LINE },
            },
          ],
        },
        {
          path: HOSTILE_PATHS.markup,
          kind: 'modified',
          comparator: 'json',
          summary: '@octocat **bold** <b>x</b> ![i](http://evil.invalid/p.png)',
          causes: [{ id: 'timestamp', evidence: 'dates', hint: 'set SOURCE_DATE_EPOCH' }],
          children: [],
          detail: { type: 'json', truncated: false, changes: [{ pointer: `/a${FORGED_LINE}`, op: 'replace', before: CLEAR_SCREEN, after: '"x"' }] },
        },
      ],
    },
  };
}
