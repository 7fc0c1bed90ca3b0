/** The JSON report: the whole comparison, versioned (schema in docs/report-schema.md). */
import type { CompareResult } from '../compare/compare.js';

export const REPORT_SCHEMA = 'vitsnap-report/1';

/** The report as an object, for documents that hold it (the rebuild report). */
export function reportJson(result: CompareResult): Record<string, unknown> {
  return {
    schema: REPORT_SCHEMA,
    before: result.before,
    after: result.after,
    verdict: result.verdict,
    counts: result.counts,
    metadata: result.metadata,
    notCompared: result.notCompared ?? [],
    verification: result.verification ?? null,
    notes: result.notes ?? [],
    differences: result.root.children,
  };
}

export function renderJson(result: CompareResult): string {
  return JSON.stringify(reportJson(result), null, 2);
}
