/** The JSON report: the whole comparison, versioned (schema in docs/report-schema.md). */
import type { CompareResult } from '../compare/compare.js';

export const REPORT_SCHEMA = 'vitsnap-report/1';

export function renderJson(result: CompareResult): string {
  return JSON.stringify(
    {
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
    },
    null,
    2,
  );
}
