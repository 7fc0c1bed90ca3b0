/** Presenting a rebuild: the variations table, the diff report, and what bisecting blamed (text and JSON). */
import { reportJson } from '../report/json.js';
import { escapeControls as e } from '../report/escape.js';
import { plural } from '../report/plural.js';
import { renderText } from '../report/text.js';
import type { BisectOutcome } from './bisect.js';
import type { RebuildResult, VariationRecord } from './rebuild.js';
import type { VariationName } from './variations.js';

export const REBUILD_SCHEMA = 'vitsnap-rebuild/1';

/** One row per variation: tested with control → varied, or not tested with the reason; notes below their row. */
export function variationLines(records: readonly VariationRecord[]): string[] {
  const width = Math.max(...records.map((r) => r.name.length));
  const lines: string[] = [];
  for (const r of records) {
    const name = r.name.padEnd(width);
    if (r.status === 'tested') lines.push(`  ${name}  tested      ${e(r.control ?? '')} → ${e(r.varied ?? '')}`);
    else lines.push(`  ${name}  not tested  ${e(r.reason ?? '')}`);
    if (r.note !== null) lines.push(`  ${' '.repeat(width)}              note: ${e(r.note)}`);
  }
  return lines;
}

/** `caused by: time, build-path (9 builds)`, or why nothing could be blamed. */
export function causedByLine(bisect: BisectOutcome<VariationName>, totalBuilds: number, maxBuilds?: number, budgetName = '--max-builds'): string {
  const builds = `(${plural(totalBuilds, 'build')})`;
  if (bisect.nondeterministic) return `caused by: no variation: the outputs differ with nothing varied, so the build is not deterministic ${builds}`;
  const parts = [...bisect.culprits, ...bisect.combined.map((g) => `${g.join(' + ')} (only together)`)];
  const found = parts.length > 0 ? parts.join(', ') : 'not isolated';
  const left = bisect.unresolved.map((set) => set.join(', ')).join('; ');
  const limit = maxBuilds === undefined ? budgetName : `${budgetName} ${maxBuilds}`;
  const stop = bisect.exhausted ? `; ${limit} reached before isolating the rest of: ${left}` : '';
  const flaky = parts.length === 0 && !bisect.exhausted ? '; the builds disagreed with each other (a flaky build?)' : '';
  return `caused by: ${found} ${builds}${stop}${flaky}`;
}

export interface RebuildTextOptions {
  colour: boolean;
  maxLines: number;
  maxBuilds?: number;
}

export function renderRebuildText(result: RebuildResult, options: RebuildTextOptions): string {
  const tested = result.variations.filter((v) => v.status === 'tested').length;
  const head = [`rebuild of ${e(result.command.join(' '))}: ${plural(tested, 'variation')} tested, ${result.variations.length - tested} not tested`, ...variationLines(result.variations), ''];
  const tail: string[] = [];
  if (result.bisect !== null) tail.push('', causedByLine(result.bisect, result.builds, options.maxBuilds));
  if (result.kept !== null) tail.push('', `kept: ${e(result.kept.control)}, ${e(result.kept.varied)} (and the build logs beside them)`);
  return [...head, renderText(result.compare, { colour: options.colour, maxLines: options.maxLines }), ...tail].join('\n');
}

/** The JSON document (schema in docs/report-schema.md, "vitsnap-rebuild/1"): the diff report nested whole. */
export function rebuildJson(result: RebuildResult): Record<string, unknown> {
  return {
    schema: REBUILD_SCHEMA,
    reproducible: result.reproducible,
    command: result.command,
    outputs: result.outputs,
    builds: result.builds,
    variations: result.variations,
    bisect: result.bisect,
    kept: result.kept,
    report: reportJson(result.compare),
  };
}

export function renderRebuildJson(result: RebuildResult): string {
  return JSON.stringify(rebuildJson(result), null, 2);
}
