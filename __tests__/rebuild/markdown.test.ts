/** The rebuild's Markdown: the intro, what bisecting blamed, and the variations table, with names we did not choose kept inert. */
import { describe, expect, it } from '@jest/globals';
import type { BisectOutcome } from '../../src/rebuild/bisect.js';
import { rebuildIntro, rebuildSections, variationsTable } from '../../src/rebuild/markdown.js';
import type { VariationRecord } from '../../src/rebuild/rebuild.js';
import type { VariationName } from '../../src/rebuild/variations.js';

const tested = (name: VariationName, control: string, varied: string, note: string | null = null): VariationRecord => ({ name, status: 'tested', control, varied, reason: null, note });
const skipped = (name: VariationName, reason: string): VariationRecord => ({ name, status: 'skipped', control: null, varied: null, reason, note: null });

const RECORDS: VariationRecord[] = [
  tested('time', 'the real clock', 'faketime +3 years', 'SOURCE_DATE_EPOCH=1 is set for both builds'),
  // A host name or path may hold what Markdown or HTML would act on, or a line break that ends the row.
  tested('hostname', 'ci|<img src=x onerror=alert(1)>', 'host\nname @team'),
  skipped('file-order', 'disorderfs is not on PATH'),
];

const bisect = (over: Partial<BisectOutcome<VariationName>>): BisectOutcome<VariationName> => ({ culprits: [], combined: [], unresolved: [], nondeterministic: false, builds: 7, exhausted: false, ...over });

describe('rebuild Markdown', () => {
  it('says what was varied and what was not tested', () => {
    expect(rebuildIntro({ variations: RECORDS }, 'make -j2')).toBe('Control build vs varied build of <code>make -j2</code> (varied: time, hostname; not tested: file-order, the reasons below).');
    expect(rebuildIntro({ variations: [skipped('time', 'x')] }, 'a|b')).toBe('Control build vs varied build of <code>a\\|b</code> (varied: nothing; not tested: time, the reasons below).');
  });

  it('renders one three-cell row per variation, notes inside their row, hostile text inert', () => {
    const lines = variationsTable(RECORDS).split('\n');
    expect(lines.slice(0, 4)).toEqual(['**Variations**', '', '| variation | status | control build → varied build, or why not tested |', '| --- | --- | --- |']);
    expect(lines.slice(4)).toEqual([
      '| time | tested | the real clock → faketime +3 years<br>note: SOURCE_DATE_EPOCH=1 is set for both builds |',
      '| hostname | tested | ci\\|\\<img src=x onerror=alert(1)\\> → host\\\\nname @\u2060team |',
      '| file-order | not tested | disorderfs is not on PATH |',
    ]);
  });

  it('puts what bisecting blamed before the table, and nothing when it did not run', () => {
    expect(rebuildSections({ variations: RECORDS, bisect: null, builds: 2 }, 32)).toEqual([variationsTable(RECORDS)]);
    const [blamed] = rebuildSections({ variations: RECORDS, bisect: bisect({ culprits: ['time'], combined: [['locale', 'umask']] }), builds: 9 }, 32);
    expect(blamed).toBe('**caused by:** time, locale + umask (only together) (9 builds)');
    const [flaky] = rebuildSections({ variations: RECORDS, bisect: bisect({ nondeterministic: true }), builds: 3 }, 32);
    expect(flaky).toMatch(/^\*\*caused by:\*\* no variation: the outputs differ with nothing varied, so the build is not deterministic \(3 builds\)$/);
  });
});
