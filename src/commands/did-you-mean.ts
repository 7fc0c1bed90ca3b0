/** "did you mean …?" for a mistyped command or option: the closest known name, when one is close. */

/** Edit distance with adjacent transpositions (optimal string alignment), so `verfiy` is one edit from `verify`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `typed` within a third of its length (at least one edit), or one that
 * `typed` abbreviates (3+ characters); undefined when nothing is close enough to be a typo.
 */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(lower, name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best !== undefined && best.distance <= Math.max(1, Math.floor(typed.length / 3))) return best.name;
  if (lower.length >= 3) return candidates.find((name) => name.toLowerCase().startsWith(lower));
  return undefined;
}

/** `; did you mean 'create'?` or nothing. */
export function suggestion(typed: string, candidates: readonly string[]): string {
  const name = closest(typed, candidates);
  return name === undefined ? '' : `; did you mean '${name}'?`;
}
