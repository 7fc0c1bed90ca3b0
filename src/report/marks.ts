/**
 * The one-character mark of each kind of difference, shared by the text and HTML reports so a
 * letter means the same thing everywhere, with the legend that explains them.
 */
import type { Difference, DifferenceKind } from '../compare/types.js';

export const MARKS: Record<DifferenceKind, { mark: string; meaning: string }> = {
  added: { mark: 'A', meaning: 'added' },
  removed: { mark: 'D', meaning: 'deleted' },
  modified: { mark: 'M', meaning: 'modified' },
  renamed: { mark: 'R', meaning: 'renamed, same content' },
  type: { mark: 'T', meaning: 'type changed (file, directory, symlink)' },
  mode: { mark: 'P', meaning: 'permissions' },
  symlink: { mark: 'L', meaning: 'link target' },
  field: { mark: '~', meaning: 'header field' },
  order: { mark: '↕', meaning: 'member order' },
  lines: { mark: '±', meaning: 'text lines' },
  bytes: { mark: '#', meaning: 'bytes' },
  json: { mark: '{', meaning: 'JSON values' },
};

/** Legend entries for the kinds that occur in `kinds` (all kinds when omitted), in table order. */
export function legendEntries(kinds?: ReadonlySet<DifferenceKind>): { mark: string; meaning: string }[] {
  return (Object.keys(MARKS) as DifferenceKind[]).filter((k) => kinds === undefined || kinds.has(k)).map((k) => MARKS[k]);
}

/** Every kind in a tree, so a legend lists only the marks a report uses. */
export function kindsIn(nodes: readonly Difference[], into = new Set<DifferenceKind>()): Set<DifferenceKind> {
  for (const n of nodes) {
    into.add(n.kind);
    kindsIn(n.children, into);
  }
  return into;
}
