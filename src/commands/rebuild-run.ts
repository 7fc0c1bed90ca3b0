/** `vitsnap rebuild`'s work, loaded only when rebuild runs. */
import { resolve } from 'node:path';
import { IGNORE_PROFILES, type IgnoreProfile } from '../compare/compare.js';
import { OperationError } from '../errors.js';
import { verdictLine } from '../report/cause-summary.js';
import { escapeControls } from '../report/escape.js';
import { runRebuild } from '../rebuild/rebuild.js';
import { causedByLine, renderRebuildJson, renderRebuildText } from '../rebuild/report.js';
import { parseVaryList } from '../rebuild/vary-list.js';
import { parsePatternList } from '../snapshot/globs.js';
import { COMMON_OPTIONS, exclusiveFlags, parseCommandArgs, type CommandContext } from './args.js';

const EXIT_NOT_REPRODUCIBLE = 1;

function wholeNumber(option: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new OperationError('E_USAGE', `${option} takes a whole number of at least ${min} (got ${escapeControls(JSON.stringify(text))})`);
  return n;
}

function parseIgnore(values: readonly string[] | undefined): IgnoreProfile[] {
  const profiles = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  for (const p of profiles) {
    if (!(p in IGNORE_PROFILES)) throw new OperationError('E_USAGE', `unknown --ignore profile ${escapeControls(JSON.stringify(p))}; valid: ${Object.keys(IGNORE_PROFILES).join(', ')}`);
  }
  return profiles as IgnoreProfile[];
}

/** `--vary -time` reads to parseArgs as a missing value: take the next word as the list when it is one. */
function joinVaryValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === '--vary' && next !== undefined && /^-[a-z]/.test(next) && next !== '-q' && next !== '-h') {
      out.push(`--vary=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export async function runRebuildCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const end = argv.indexOf('--');
  if (end === -1) throw new OperationError('E_USAGE', "no build command: put it after '--', e.g. vitsnap rebuild --outputs 'out/**' -- make");
  const command = argv.slice(end + 1);
  const { values, positionals } = parseCommandArgs('rebuild', joinVaryValues(argv.slice(0, end)), {
    ...COMMON_OPTIONS,
    vary: { type: 'string', multiple: true },
    outputs: { type: 'string', multiple: true },
    source: { type: 'string' },
    bisect: { type: 'boolean' },
    'max-builds': { type: 'string' },
    timeout: { type: 'string' },
    keep: { type: 'string' },
    ignore: { type: 'string', multiple: true },
    'max-lines': { type: 'string' },
  });
  exclusiveFlags('rebuild', values, ['json', 'quiet']);
  if (positionals.length > 0) throw new OperationError('E_USAGE', `unexpected ${escapeControls(JSON.stringify(positionals[0]))} before '--'; the build command goes after '--' (run 'vitsnap rebuild --help')`);
  if (command.length === 0) throw new OperationError('E_USAGE', "no build command after '--', e.g. vitsnap rebuild -- make");
  const maxBuilds = wholeNumber('--max-builds', values['max-builds'], 32, 2);
  const maxLines = wholeNumber('--max-lines', values['max-lines'], 400, 1);
  const result = await runRebuild({
    command,
    outputs: (values.outputs ?? []).flatMap((o) => parsePatternList(o)),
    sourceDir: resolve(ctx.cwd, values.source ?? '.'),
    plainSource: values.source !== undefined,
    vary: parseVaryList(values.vary ?? []),
    bisect: values.bisect === true,
    maxBuilds,
    timeoutSeconds: wholeNumber('--timeout', values.timeout, 3600, 1),
    keepDir: values.keep === undefined ? null : resolve(ctx.cwd, values.keep),
    env: ctx.env,
    ignore: parseIgnore(values.ignore),
    onProgress: (line) => ctx.log.note(line),
  });
  if (values.json === true) ctx.log.out(renderRebuildJson(result));
  else if (values.quiet === true) {
    ctx.log.out(verdictLine(result.compare));
    if (result.bisect !== null) ctx.log.out(causedByLine(result.bisect, result.builds, maxBuilds));
  } else ctx.log.out(renderRebuildText(result, { colour: ctx.log.colour === true, maxLines, maxBuilds }));
  return result.reproducible ? 0 : EXIT_NOT_REPRODUCIBLE;
}
