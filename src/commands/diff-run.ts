/** `vitsnap diff`'s work, loaded only when diff runs: the comparators are most of the CLI's code. */
import { OperationError } from '../errors.js';
import { createCauseClassifier } from '../compare/causes.js';
import { compareSources, IGNORE_PROFILES, type CompareProgress, type IgnoreProfile } from '../compare/compare.js';
import { DEFAULT_COMPARATORS } from '../compare/comparators/index.js';
import { parseStripHash, type StripHash } from '../compare/renames.js';
import { openSides, type Sides } from '../compare/sources.js';
import { renderBrief } from '../report/brief.js';
import { renderJson } from '../report/json.js';
import { renderHtml } from '../report/html.js';
import { COMMENT_LIMIT, renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { verdictLine } from '../report/cause-summary.js';
import { CHAIN_OPTIONS, COMMON_OPTIONS, chainOptions, exclusiveFlags, parseCommandArgs, type CommandContext } from './args.js';
import { formatBytes } from '../format-bytes.js';
import { ReportFile } from './report-files.js';

/** diff(1)'s convention: 1 means the inputs differ. */
const EXIT_DRIFT = 1;

function parseIgnore(values: string[] | undefined): IgnoreProfile[] {
  const profiles = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  for (const p of profiles) {
    if (!(p in IGNORE_PROFILES)) {
      throw new OperationError('E_USAGE', `unknown --ignore profile ${JSON.stringify(p)}; valid: ${Object.keys(IGNORE_PROFILES).join(', ')}`);
    }
  }
  return profiles as IgnoreProfile[];
}

/** The status line of a long diff (TTY only), e.g. `comparing: 19,960 files checked (1.84 GiB read), 200 changed, 57 explained`. */
export function progressLine(p: CompareProgress): string {
  const checked = p.filesChecked > 0 ? `${p.filesChecked.toLocaleString('en-US')} files checked (${formatBytes(p.bytesRead)} read), ` : '';
  return `comparing: ${checked}${p.filesChanged.toLocaleString('en-US')} changed, ${p.filesExplained.toLocaleString('en-US')} explained`;
}

export async function runDiff(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', argv, {
    ...COMMON_OPTIONS,
    ignore: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    'max-lines': { type: 'string' },
    output: { type: 'string' },
    markdown: { type: 'boolean' },
    html: { type: 'string' },
    'strip-prefix': { type: 'string' },
    'strip-hash': { type: 'string' },
    brief: { type: 'boolean' },
    ...CHAIN_OPTIONS,
  });
  exclusiveFlags('diff', values, ['json', 'markdown', 'brief', 'quiet']);
  // Reports and ignore rules work on explanations, which --brief does not make.
  exclusiveFlags('diff', values, ['brief', 'html']);
  exclusiveFlags('diff', values, ['brief', 'output']);
  exclusiveFlags('diff', values, ['brief', 'ignore']);
  if (positionals.length !== 2) throw new OperationError('E_USAGE', "diff takes two sides, BEFORE and AFTER; run 'vitsnap diff --help'");
  const maxLines = values['max-lines'] === undefined ? 400 : Number(values['max-lines']);
  if (!Number.isInteger(maxLines) || maxLines < 1) throw new OperationError('E_USAGE', `--max-lines takes a positive whole number (got ${values['max-lines']})`);
  const ignore = parseIgnore(values.ignore);
  const stripHash = parseStripHash(values['strip-hash'] ?? 'default', '--strip-hash');
  const [beforePath, afterPath] = positionals as [string, string];
  const reports: ReportFile[] = [];
  try {
    const output = values.output === undefined ? null : ReportFile.open(ctx.cwd, '--output', values.output);
    if (output !== null) reports.push(output);
    const html = values.html === undefined ? null : ReportFile.open(ctx.cwd, '--html', values.html);
    if (html !== null) reports.push(html);
    const stripPrefix = values['strip-prefix'];
    const sides = await openSides(beforePath, afterPath, { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), ...(stripPrefix === undefined ? {} : { stripPrefix }) });
    try {
      return await compareAndReport(sides, { values, ignore, stripHash, maxLines, output, html }, ctx);
    } finally {
      await sides.close();
    }
  } finally {
    // Committed reports are in place already; this only removes what a failed run left reserved.
    for (const r of reports) r.abort();
  }
}

interface ReportPlan {
  values: { exclude?: string[] | undefined; json?: boolean | undefined; markdown?: boolean | undefined; quiet?: boolean | undefined; brief?: boolean | undefined };
  ignore: IgnoreProfile[];
  stripHash: StripHash;
  maxLines: number;
  output: ReportFile | null;
  html: ReportFile | null;
}

async function compareAndReport(sides: Sides, plan: ReportPlan, ctx: CommandContext): Promise<number> {
  const { values, ignore, stripHash, maxLines } = plan;
  const result = await compareSources(sides, {
    comparators: DEFAULT_COMPARATORS,
    ...createCauseClassifier(),
    ignore,
    stripHash,
    exclude: values.exclude ?? [],
    brief: values.brief === true,
    onProgress: (p) => ctx.log.status(progressLine(p)),
  });
  ctx.log.done();
  plan.output?.commit(`${renderJson(result)}\n`);
  plan.html?.commit(renderHtml(result));
  if (values.brief === true) ctx.log.out(renderBrief(result));
  else if (values.json === true) ctx.log.out(renderJson(result));
  else if (values.markdown === true) ctx.log.out(renderMarkdown(result, { limit: COMMENT_LIMIT }));
  else if (values.quiet === true) ctx.log.out(verdictLine(result));
  else ctx.log.out(renderText(result, { colour: ctx.log.colour === true, maxLines }));
  return result.verdict === 'identical' ? 0 : EXIT_DRIFT;
}
