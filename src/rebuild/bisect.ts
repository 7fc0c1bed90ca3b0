/**
 * Finding which variations make a build differ, by building with some of them switched on and the
 * rest off. Pure: the caller's `differs` runs a build; this decides which builds to run.
 *
 * Halving: a set known to differ is split in two and each half tried alone; a half that differs is
 * split again until one variation is left, which is then a culprit on its own. When neither half
 * differs alone, the difference needs variations from both together: each member of the set is then
 * switched off one at a time, and those the difference cannot do without are reported as a group.
 */

export interface BisectOutcome<T> {
  /** Variations that make the build differ on their own. */
  culprits: T[];
  /** Groups that make it differ only together (no member nor half of the group does alone). */
  combined: T[][];
  /** Sets still holding a culprit when the build budget ran out. */
  unresolved: T[][];
  /** The build differs with every variation off: it is not deterministic, so nothing can be blamed. */
  nondeterministic: boolean;
  /** Builds the bisection ran. */
  builds: number;
  /** True when it stopped at the budget with work left. */
  exhausted: boolean;
}

/**
 * `all` is known to differ (the varied build did). `differs(on)` builds with exactly `on` switched
 * on; at most `budget` such builds run. The first one is with nothing on, to tell a
 * nondeterministic build from a variation.
 */
export async function bisectVariations<T>(all: readonly T[], differs: (on: readonly T[]) => Promise<boolean>, budget: number): Promise<BisectOutcome<T>> {
  const outcome: BisectOutcome<T> = { culprits: [], combined: [], unresolved: [], nondeterministic: false, builds: 0, exhausted: false };
  // The same set is never built twice (a group's members switched off one at a time can repeat a half).
  const known = new Map<string, boolean>();
  const test = async (on: readonly T[]): Promise<boolean | null> => {
    const key = on.map((v) => all.indexOf(v)).sort((a, b) => a - b).join(',');
    const seen = known.get(key);
    if (seen !== undefined) return seen;
    if (outcome.builds >= budget) {
      outcome.exhausted = true;
      return null;
    }
    outcome.builds++;
    const answer = await differs(on);
    known.set(key, answer);
    return answer;
  };
  const baseline = await test([]);
  if (baseline === null) {
    outcome.unresolved.push([...all]);
    return outcome;
  }
  if (baseline) {
    outcome.nondeterministic = true;
    return outcome;
  }

  const search = async (set: readonly T[]): Promise<void> => {
    if (set.length === 1) {
      outcome.culprits.push(set[0] as T);
      return;
    }
    const half = Math.ceil(set.length / 2);
    const first = set.slice(0, half);
    const second = set.slice(half);
    const firstDiffers = await test(first);
    if (firstDiffers === null) {
      outcome.unresolved.push([...set]);
      return;
    }
    const secondDiffers = await test(second);
    if (secondDiffers === null) {
      outcome.unresolved.push(...(firstDiffers ? [first] : []), second);
      return;
    }
    if (firstDiffers) await search(first);
    if (secondDiffers) await search(second);
    if (!firstDiffers && !secondDiffers) await isolateGroup(set);
  };

  // Neither half differs alone: keep the members the difference needs.
  const isolateGroup = async (set: readonly T[]): Promise<void> => {
    const needed: T[] = [];
    for (const member of set) {
      const without = await test(set.filter((m) => m !== member));
      if (without === null) {
        outcome.unresolved.push([...set]);
        return;
      }
      if (!without) needed.push(member);
    }
    outcome.combined.push(needed.length > 0 ? needed : [...set]);
  };

  await search(all);
  return outcome;
}
