/**
 * Fault injection: "answer the next N requests matching X with status S" or "drop the
 * connection" (destroy the socket after reading the request, sending nothing). Rules are checked
 * in the order they were added; the first live match wins and uses up one of its `times`.
 */

/** The four emulated services (artifact and cache share the results host, as on GitHub). */
export type ServiceName = 'artifact' | 'blob' | 'cache' | 'rest';

export interface FaultSpec {
  service?: ServiceName;
  /** HTTP method, case-insensitive. */
  method?: string;
  /**
   * Matched against the path without the query: a string matches when the path contains it
   * (`'CreateArtifact'`, `'/comments'`); a RegExp when it matches. For blob requests the query
   * counts too, so `/comp=block&/` targets Put Block.
   */
  route?: string | RegExp;
  /** How many matching requests to fault; default 1. */
  times?: number;
  /** Answer with this status and an error body in the service's own format. */
  status?: number;
  /** Extra response headers (e.g. `retry-after`) for a status fault. */
  headers?: Record<string, string>;
  /** Destroy the socket without an answer. */
  drop?: boolean;
}

export interface FaultRule {
  readonly spec: Readonly<FaultSpec>;
  /** Matching requests this rule will still fault. */
  remaining: number;
  /** Requests it has faulted. */
  hits: number;
}

export type FaultAnswer = { kind: 'status'; status: number; headers: Record<string, string> } | { kind: 'drop' };

export function createFaultRule(spec: FaultSpec): FaultRule {
  const hasStatus = spec.status !== undefined;
  if (hasStatus === (spec.drop === true)) {
    throw new Error('a fault needs exactly one of `status` or `drop: true`');
  }
  if (hasStatus && (!Number.isInteger(spec.status) || (spec.status ?? 0) < 100 || (spec.status ?? 0) > 599)) {
    throw new Error(`not an HTTP status: ${spec.status}`);
  }
  const times = spec.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new Error(`times must be a positive integer, got ${times}`);
  return { spec: { ...spec }, remaining: times, hits: 0 };
}

export interface FaultTarget {
  service: ServiceName;
  method: string;
  /** Path without the query. */
  path: string;
  /** Path with the query. */
  pathAndQuery: string;
}

function matches(spec: FaultSpec, target: FaultTarget): boolean {
  if (spec.service !== undefined && spec.service !== target.service) return false;
  if (spec.method !== undefined && spec.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (spec.route === undefined) return true;
  const subject = target.service === 'blob' ? target.pathAndQuery : target.path;
  return typeof spec.route === 'string' ? subject.includes(spec.route) : spec.route.test(subject);
}

/** The answer the first live matching rule dictates (using it up), or undefined. */
export function takeFault(rules: readonly FaultRule[], target: FaultTarget): FaultAnswer | undefined {
  const rule = rules.find((r) => r.remaining > 0 && matches(r.spec, target));
  if (rule === undefined) return undefined;
  rule.remaining--;
  rule.hits++;
  if (rule.spec.drop === true) return { kind: 'drop' };
  // createFaultRule guarantees a status when drop is not set.
  return { kind: 'status', status: rule.spec.status ?? 500, headers: { ...rule.spec.headers } };
}
