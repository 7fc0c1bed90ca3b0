/**
 * Evidence finders: given the bytes around one differing stretch on both sides, what do they prove?
 * A date or epoch on both sides, an absolute path that differs only in a directory prefix, a
 * build-id note, a random token … Each finding says which differing bytes it accounts for; a
 * stretch is explained only when every differing byte is accounted for. The finders live in
 * evidence/ (binary structures, text tokens); this module runs them over one site.
 */
import type { ByteSpan } from './byte-ranges.js';
import type { CauseId } from './types.js';
import { probeEpochU32, STRUCTURE_PROBES, type BinaryProbe } from './evidence/binary-probes.js';
import { byteAt, MAX_TEXT_SPAN, type Interval } from './evidence/helpers.js';
import { probeRandom, TEXT_PROBES, textAround, type TextProbeResult } from './evidence/text-probes.js';

export { hexOffset, quote } from './evidence/helpers.js';

/** Formats and ecosystems a finding can name, so the fix hint fits. */
export type FormatKey =
  | 'gzip'
  | 'tar'
  | 'ar'
  | 'zip'
  | 'jar'
  | 'wheel'
  | 'elf'
  | 'go'
  | 'rust'
  | 'c'
  | 'pe'
  | 'macho'
  | 'pyc'
  | 'python'
  | 'class'
  | 'png'
  | 'json'
  | 'js'
  | 'text';

export interface Finding {
  id: CauseId;
  evidence: string;
  /** The format the evidence itself points at (a gzip header, an ELF note), overriding the file's. */
  format?: FormatKey;
  /** For build-path hints: the two prefixes. */
  prefixes?: [string, string];
  /** A hint that fits this evidence better than the cause's usual one for the format. */
  hint?: string;
}

/** One side of a differing stretch: `[start, end)` are file offsets, `view` holds at least those bytes. */
export interface ByteSide {
  view: ByteSpan;
  start: number;
  end: number;
}

export interface Site {
  before: ByteSide;
  after: ByteSide;
  /** Where, for evidence: `offset 0x1f0`, `field mtime`, `line 12`. */
  where: string;
  /** Binary sites also get structural probes (headers, notes). */
  binary: boolean;
  /**
   * Also take a bare little-endian u32 for a time. Off for executables, whose code and data words
   * land in a recent-epoch window now and then; their times live in known headers instead.
   */
  bareEpochs?: boolean;
}

export interface SiteResult {
  findings: Finding[];
  /** True when every differing byte is accounted for by a finding. */
  explained: boolean;
}


// ---------------------------------------------------------------------------------------------
// A site: run every probe, then check every differing byte is accounted for

class Coverage {
  private readonly intervals: Interval[] = [];

  add(interval: Interval): void {
    this.intervals.push(interval);
  }

  has(offset: number): boolean {
    return this.intervals.some(([s, e]) => offset >= s && offset < e);
  }

  spans(interval: Interval): boolean {
    for (let i = interval[0]; i < interval[1]; i++) if (!this.has(i)) return false;
    return true;
  }
}

/** Runs of differing bytes of a same-length site, as file offsets of the before side. */
function differingRuns(site: Site): Interval[] {
  const runs: Interval[] = [];
  const { before, after } = site;
  const length = before.end - before.start;
  let runStart = -1;
  for (let j = 0; j <= length; j++) {
    const differs = j < length && byteAt(before.view, before.start + j) !== byteAt(after.view, after.start + j);
    if (differs && runStart < 0) runStart = j;
    if (!differs && runStart >= 0) {
      runs.push([before.start + runStart, before.start + j]);
      runStart = -1;
    }
  }
  return runs;
}

export function analyzeSite(site: Site): SiteResult {
  // A long stretch is not one token or field: nothing here could prove it.
  if (site.before.end - site.before.start > MAX_TEXT_SPAN || site.after.end - site.after.start > MAX_TEXT_SPAN) {
    return { findings: [], explained: false };
  }
  const findings: Finding[] = [];
  const coverBefore = new Coverage();
  const coverAfter = new Coverage();
  const sameLength = site.before.end - site.before.start === site.after.end - site.after.start;
  const binaryRuns = site.binary && sameLength && site.before.start === site.after.start;
  const runs = sameLength ? differingRuns(site) : [];

  const explained = (): boolean => {
    if (sameLength) {
      const shift = site.after.start - site.before.start;
      return runs.every(([s, e]) => {
        for (let i = s; i < e; i++) if (!coverBefore.has(i) && !coverAfter.has(i + shift)) return false;
        return true;
      });
    }
    // Different lengths: what no finding covers must read the same on both sides.
    const rest = (side: ByteSide, cover: Coverage): string[] => {
      const segments: string[] = [];
      let current = '';
      for (let i = side.start; i < side.end; i++) {
        if (cover.has(i)) {
          if (current !== '') segments.push(current);
          current = '';
        } else current += String.fromCharCode(byteAt(side.view, i) & 0xff);
      }
      if (current !== '') segments.push(current);
      return segments;
    };
    return rest(site.before, coverBefore).join('\0') === rest(site.after, coverAfter).join('\0');
  };
  const probeRuns = (probes: readonly BinaryProbe[]): void => {
    if (!binaryRuns) return;
    for (const run of runs) {
      if (coverBefore.spans(run)) continue;
      for (const probe of probes) {
        const hit = probe(site.before.view, site.after.view, run);
        if (hit === undefined) continue;
        findings.push(hit.finding);
        coverBefore.add(hit.cover);
        coverAfter.add(hit.cover);
        break;
      }
    }
  };
  const apply = (result: TextProbeResult | undefined): void => {
    if (result === undefined) return;
    findings.push(...result.findings);
    result.before.forEach((i) => coverBefore.add(i));
    result.after.forEach((i) => coverAfter.add(i));
  };

  probeRuns(STRUCTURE_PROBES);
  if (explained()) return { findings, explained: true };
  const textBefore = textAround(site.before, site.binary);
  const textAfter = textAround(site.after, site.binary);
  if (textBefore !== undefined && textAfter !== undefined) {
    for (const probe of TEXT_PROBES) apply(probe(textBefore, textAfter, site.where));
    if (explained()) return { findings, explained: true };
  }
  if (site.bareEpochs === true) {
    probeRuns([probeEpochU32]);
    if (explained()) return { findings, explained: true };
  }
  if (textBefore !== undefined && textAfter !== undefined) apply(probeRandom(textBefore, textAfter, site.where));
  return { findings, explained: explained() };
}

/** A site for two text values (a field, a line, a JSON value): the differing middle, found by common prefix and suffix. */
export function textSite(before: string, after: string, where: string): Site {
  const a = Buffer.from(before, 'utf8');
  const b = Buffer.from(after, 'utf8');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return {
    before: { view: { offset: 0, bytes: a }, start: prefix, end: a.length - suffix },
    after: { view: { offset: 0, bytes: b }, start: prefix, end: b.length - suffix },
    where,
    binary: false,
  };
}
