import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { compileGlobs, parsePatternList } from '../../src/snapshot/globs.js';

describe('parsePatternList', () => {
  it('splits lines, trims, and drops blanks and comments', () => {
    const text = '  dist/**  \r\n\n# build output\n!dist/*.map\n   \n  # indented comment\n\\#literal\n';
    expect(parsePatternList(text)).toEqual(['dist/**', '!dist/*.map', '\\#literal']);
  });

  it('returns nothing for an empty input', () => {
    expect(parsePatternList('')).toEqual([]);
    expect(parsePatternList('\n \n#x')).toEqual([]);
  });
});

/** [patterns, path, captured when it is a file/symlink] */
const fileCases: [string[], string, boolean][] = [
  // literals and directory names
  [['a.txt'], 'a.txt', true],
  [['a.txt'], 'b.txt', false],
  [['a.txt'], 'x/a.txt', false],
  [['dist'], 'dist', true],
  [['dist'], 'dist/a/b.js', true],
  [['dist'], 'distx/a.js', false],
  [['dist'], 'dis', false],
  [['./dist'], 'dist/a.js', true],
  [['././dist/./x'], 'dist/x/y', true],
  [['dist//x'], 'dist/x', true],
  // `*`
  [['*.js'], 'a.js', true],
  [['*.js'], '.js', true],
  [['*.js'], 'a/b.js', false],
  [['*.js'], 'a.jsx', false],
  [['a*'], 'a', true],
  [['*a*b*'], 'xaybz', true],
  [['*a*b*'], 'xbyaz', false],
  [['*a*b'], 'aab', true],
  [['*ab*ab'], 'abab', true],
  [['*ab*ab'], 'aab', false],
  [['a*b*c*d'], 'abcdabcd', true],
  [['a*b*c*d'], 'abcdabc', false],
  [['src/*/index.js'], 'src/x/index.js', true],
  [['src/*/index.js'], 'src/x/y/index.js', false],
  [['a**b'], 'axxb', true],
  [['a**b'], 'ax/xb', false],
  // `?`
  [['?.js'], 'a.js', true],
  [['?.js'], 'ab.js', false],
  [['?.js'], '.js', false],
  [['a?b'], 'a/b', false],
  [['?'], 'é', true],
  [['?'], '😀', true],
  // `**`
  [['**'], 'anything/at/all', true],
  [['**/*.js'], 'a.js', true],
  [['**/*.js'], 'x/y/a.js', true],
  [['**/*.js'], 'x/y/a.ts', false],
  [['a/**/b'], 'a/b', true],
  [['a/**/b'], 'a/x/y/b', true],
  [['a/**/b'], 'a/x/y/bb', false],
  [['a/**/b'], 'xa/b', false],
  [['a/**'], 'a/x', true],
  [['a/**'], 'ab', false],
  [['**/x/**/y'], 'x/y', true],
  [['**/x/**/y'], 'p/x/q/r/y/z', true],
  [['**/x/**/y'], 'p/y/q/x', false],
  [['**/**/a'], 'a', true],
  // classes
  [['[abc].js'], 'b.js', true],
  [['[abc].js'], 'd.js', false],
  [['[a-c]x'], 'bx', true],
  [['[a-c]x'], 'dx', false],
  [['[!a]x'], 'bx', true],
  [['[!a]x'], 'ax', false],
  [['[^a]x'], 'ax', false],
  [['[]]'], ']', true],
  [['[!]]'], 'a', true],
  [['[!]]'], ']', false],
  [['[a-]'], '-', true],
  [['[\\]]'], ']', true],
  [['x[!a]y'], 'x/y', false],
  [['x[+-0]y'], 'x/y', false],
  [['x[+-0]y'], 'x.y', true],
  [['[.]env'], '.env', true],
  [['[😀é]'], '😀', true],
  [['[{]x'], '{x', true],
  // braces
  [['*.{js,ts}'], 'a.ts', true],
  [['*.{js,ts}'], 'a.css', false],
  [['{a,b/c}/x'], 'b/c/x', true],
  [['{a,b/c}/x'], 'b/x', false],
  [['{a,{b,c}d}'], 'cd', true],
  [['{a,{b,c}d}'], 'c', false],
  [['x{,.min}.js'], 'x.js', true],
  [['x{,.min}.js'], 'x.min.js', true],
  [['{src,lib}/**/*.{js,mjs}'], 'lib/a/b.mjs', true],
  [['{a}'], 'a', true],
  [['a,b'], 'a,b', true],
  [['{**,x}/y'], 'p/q/y', true],
  // escapes
  [['\\*'], '*', true],
  [['\\*'], 'a', false],
  [['a\\?'], 'a?', true],
  [['a\\?'], 'ab', false],
  [['\\[a]'], '[a]', true],
  [['\\{a,b\\}'], '{a,b}', true],
  [['\\!x'], '!x', true],
  [['a\\\\b'], 'a\\b', true],
  [['a\\/b'], 'a/b', true],
  [['(x)+.$^|'], '(x)+.$^|', true],
  [['(x)+.$^|'], 'x', false],
  // trailing slash: the directory and everything below, not a file of that name
  [['dist/'], 'dist/a', true],
  [['dist/'], 'dist', false],
  [['*/'], 'a', false],
  [['*/'], 'a/b', true],
  // dot files are ordinary names
  [['*'], '.env', true],
  [['**'], '.git/config', true],
  [['**/*'], 'a/.hidden/.x', true],
  [['.*'], '.bashrc', true],
  // excludes
  [['!*.map'], 'a.js', true],
  [['!*.map'], 'a.map', false],
  [['!node_modules'], 'node_modules/x/y.js', false],
  [['!node_modules'], 'src/node_modules/y.js', true],
  [['!**/node_modules'], 'src/node_modules/y.js', false],
  [['dist/**', '!dist/*.map'], 'dist/a.map', false],
  [['dist/**', '!dist/*.map'], 'dist/x/a.map', true],
  [['!dist/*.map', 'dist/**'], 'dist/a.map', false],
  [['dist', '!dist/keep'], 'dist/keep/x', false],
  [['dist/keep/x', '!dist'], 'dist/keep/x', false],
  [['!build/'], 'build', true],
  [['!build/'], 'build/x', false],
  [['dist', 'src'], 'src/a', true],
  [['dist', 'src'], 'lib/a', false],
  [['.'], 'a/b', true],
  [['./'], 'a/b', true],
];

/** [patterns, directory, captured as a directory itself] */
const dirCases: [string[], string, boolean][] = [
  [['dist/**'], 'dist', true],
  [['dist/**'], 'dist/empty', true],
  [['dist'], 'dist', true],
  [['dist/'], 'dist', true],
  [['dist/'], 'dist/sub', true],
  [['dist/*.js'], 'dist', false],
  [['dist/*.js'], 'dist/x.js', true],
  [['**/*.js'], 'a', false],
  [[], 'any/dir', true],
  [['!node_modules'], 'node_modules', false],
  [['!node_modules/**'], 'node_modules', false],
  [['!node_modules/*'], 'node_modules', true],
  [['!node_modules/*'], 'node_modules/x', false],
  [['dist/**', '!dist/tmp'], 'dist/tmp', false],
  [['dist/**', '!dist/tmp'], 'dist/tmp/x', false],
];

/** [patterns, directory, whether the walk must descend into it] */
const pruneCases: [string[], string, boolean][] = [
  [['dist/**'], 'src', false],
  [['dist/**'], 'dist', true],
  [['dist/**'], 'dist/a/b', true],
  [['dist'], 'dist2', false],
  [['src/a/b.js'], 'src', true],
  [['src/a/b.js'], 'src/a', true],
  [['src/a/b.js'], 'src/b', false],
  [['src/a/b.js'], 'lib', false],
  [['src/*/b.js'], 'src/x', true],
  [['src/*/b.js'], 'src/x/y', false],
  [['src/**/b.js'], 'src/x/y/z', true],
  [['**/b.js'], 'anything', true],
  [['{a,b}/x'], 'b', true],
  [['{a,b}/x'], 'c', false],
  [['{a,**}/x'], 'c', true],
  [['!node_modules/**'], 'node_modules', false],
  [['!node_modules'], 'node_modules', false],
  [['!node_modules'], 'node_modules/x', false],
  [['!node_modules/*'], 'node_modules', true],
  [['!**/node_modules'], 'a/b/node_modules', false],
  [['!**/node_modules'], 'a/b', true],
  [['dist/'], 'dist', true],
  [['!dist/'], 'dist', false],
  [['.*'], '.git', true],
  [['*/'], 'x', true],
  [[], 'x', true],
  [['!**'], 'x', false],
  [['!**'], '', false],
];

describe('compileGlobs', () => {
  it.each(fileCases)('%j matches file %j: %s', (patterns, path, expected) => {
    expect(compileGlobs(patterns).matches(path)).toBe(expected);
  });

  it.each(dirCases)('%j matches directory %j: %s', (patterns, path, expected) => {
    expect(compileGlobs(patterns).matchesDir(path)).toBe(expected);
  });

  it.each(pruneCases)('%j may contain something under %j: %s', (patterns, path, expected) => {
    expect(compileGlobs(patterns).mayContain(path)).toBe(expected);
  });

  it('includes everything when there are no include patterns', () => {
    const m = compileGlobs([]);
    expect(m.matches('a')).toBe(true);
    expect(m.matches('.x/y/z')).toBe(true);
    expect(m.mayContain('')).toBe(true);
  });

  it('gives excludes the last word whatever the order', () => {
    const a = compileGlobs(['**', '!**/*.log', 'logs/keep.log']);
    const b = compileGlobs(['!**/*.log', 'logs/keep.log', '**']);
    for (const m of [a, b]) {
      expect(m.matches('logs/keep.log')).toBe(false);
      expect(m.matches('logs/keep.txt')).toBe(true);
    }
  });

  const rejected: [string, RegExp][] = [
    ['/etc/passwd', /absolute/],
    ['!/etc', /absolute/],
    ['{/etc,a}', /absolute/],
    ['C:/Users', /absolute/],
    ['C:\\Users', /absolute/],
    ['../x', /"\.\."/],
    ['a/../b', /"\.\."/],
    ['a/..', /"\.\."/],
    ['{a,..}/x', /"\.\."/],
    ['\\.\\./x', /"\.\."/],
    ['!', /nothing follows/],
    ['', /empty/],
    ['a[bc', /"\[" is never closed/],
    ['[', /"\[" is never closed/],
    ['[]', /"\[" is never closed/],
    ['[a\\', /"\[" is never closed/],
    ['a{b,c', /"\{" is never closed/],
    ['{a,{b}', /"\{" is never closed/],
    ['a}b', /"\}" has no matching/],
    ['a\\', /lone/],
    ['[z-a]', /runs backwards/],
    ['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}', /more than 1024/],
  ];
  it.each(rejected)('rejects %j', (pattern, why) => {
    let caught: unknown;
    try {
      compileGlobs(['ok/**', pattern]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'OperationError', code: 'E_USAGE' });
    const message = (caught as Error).message;
    expect(message).toContain(JSON.stringify(pattern));
    expect(message).toMatch(why);
  });

  it('stays linear on hostile patterns', () => {
    const m = compileGlobs([
      '**/**/**/**/**/**/**/**/x',
      '**/a*/**/a*/**/a*/**/a*/**/b',
      '*a*a*a*a*a*a*a*a*b',
      '**/*a*a*a*a*a*a*b/**/c',
      '{a,aa,aaa}*{a,aa,aaa}*{a,aa,aaa}*b',
    ]);
    const manySegments = 'a/'.repeat(2000) + 'y';
    const longSegment = 'a'.repeat(4000);
    const longSegments = `${'a'.repeat(200)}/`.repeat(20) + 'c';
    expect(m.matches(manySegments)).toBe(false);
    expect(m.matches(longSegment)).toBe(false);
    expect(m.matches(longSegments)).toBe(false);
    expect(m.matches(`${manySegments}/x`)).toBe(true);
    // A backtracking compilation of these takes minutes or more on the same inputs.
  });

  it('never skips a dot file or dot directory', () => {
    const m = compileGlobs(['out/**']);
    expect(m.matches('out/.env')).toBe(true);
    expect(m.matches('out/.cache/.x')).toBe(true);
    expect(m.mayContain('out/.cache')).toBe(true);
  });
});

// ---- a reference implementation (exponential, obviously correct) to check the compiled one ----

type RefToken = { kind: 'star' } | { kind: 'any' } | { kind: 'set'; chars: string; negated: boolean } | { kind: 'lit'; char: string };

function refTokens(segment: string): RefToken[] {
  const out: RefToken[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') out.push({ kind: 'star' });
    else if (c === '?') out.push({ kind: 'any' });
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      const negated = segment[i + 1] === '!';
      out.push({ kind: 'set', chars: segment.slice(negated ? i + 2 : i + 1, end), negated });
      i = end;
    } else out.push({ kind: 'lit', char: c });
  }
  return out;
}

function refSegment(tokens: readonly RefToken[], name: string): boolean {
  if (tokens.length === 0) return name === '';
  const [t, ...rest] = tokens;
  if (t.kind === 'star') {
    for (let k = 0; k <= name.length; k++) if (refSegment(rest, name.slice(k))) return true;
    return false;
  }
  if (name === '') return false;
  const ok =
    t.kind === 'any' ||
    (t.kind === 'lit' && t.char === name[0]) ||
    (t.kind === 'set' && t.chars.includes(name[0]) !== t.negated);
  return ok && refSegment(rest, name.slice(1));
}

function refPath(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length === 0) return segments.length === 0;
  const [p, ...rest] = pattern;
  if (p === '**') {
    for (let k = 0; k <= segments.length; k++) if (refPath(rest, segments.slice(k))) return true;
    return false;
  }
  return segments.length > 0 && refSegment(refTokens(p), segments[0]) && refPath(rest, segments.slice(1));
}

/** Whether `pattern` selects a file at `path` (via the file itself or a directory above it). */
function refHit(pattern: string, path: string, isDir: boolean): boolean {
  const dirOnly = pattern.endsWith('/');
  const segs = (dirOnly ? pattern.slice(0, -1) : pattern).split('/');
  const parts = path.split('/');
  const last = dirOnly && !isDir ? parts.length - 1 : parts.length;
  for (let n = dirOnly ? 0 : 1; n <= last; n++) if (refPath(segs, parts.slice(0, n))) return true;
  return false;
}

function refIncluded(patterns: readonly string[], path: string, isDir: boolean): boolean {
  const includes = patterns.filter((p) => !p.startsWith('!'));
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const included = includes.length === 0 || includes.some((p) => refHit(p, path, isDir));
  return included && !excludes.some((p) => refHit(p, path, isDir));
}

const nameChar = fc.constantFrom('a', 'b', '.', 'x');
const pathSegment = fc
  .array(nameChar, { minLength: 1, maxLength: 4 })
  .map((cs) => cs.join(''))
  .filter((s) => s !== '.' && s !== '..');
const path = fc.array(pathSegment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));

const patternToken = fc.constantFrom('a', 'b', '.', 'x', '*', '?', '[ab]', '[!a]', '[.]');
const patternSegment = fc.oneof(
  { weight: 1, arbitrary: fc.constant('**') },
  {
    weight: 4,
    arbitrary: fc
      .array(patternToken, { minLength: 1, maxLength: 4 })
      .map((ts) => ts.join(''))
      .filter((s) => s !== '.' && s !== '..'),
  },
);
const pattern = fc
  .tuple(fc.boolean(), fc.array(patternSegment, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([exclude, segs, dirOnly]) => `${exclude ? '!' : ''}${segs.join('/')}${dirOnly ? '/' : ''}`);
const patterns = fc.array(pattern, { minLength: 0, maxLength: 3 });

function ancestors(p: string): string[] {
  const parts = p.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

describe('compileGlobs against a reference matcher', () => {
  it('agrees on files and directories', () => {
    fc.assert(
      fc.property(patterns, fc.array(path, { minLength: 1, maxLength: 8 }), (ps, paths) => {
        const m = compileGlobs(ps);
        for (const p of paths) {
          expect([ps, p, 'file', m.matches(p)]).toEqual([ps, p, 'file', refIncluded(ps, p, false)]);
          expect([ps, p, 'dir', m.matchesDir(p)]).toEqual([ps, p, 'dir', refIncluded(ps, p, true)]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never prunes a directory that holds a match', () => {
    fc.assert(
      fc.property(patterns, fc.array(path, { minLength: 1, maxLength: 12 }), (ps, paths) => {
        const m = compileGlobs(ps);
        for (const p of paths) {
          const selected = m.matches(p) || m.matchesDir(p);
          if (!selected) continue;
          expect(m.mayContain('')).toBe(true);
          for (const dir of ancestors(p)) expect([ps, p, dir, m.mayContain(dir)]).toEqual([ps, p, dir, true]);
          if (m.matchesDir(p)) expect(m.mayContain(p)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('prunes the directories that literal prefixes rule out', () => {
    fc.assert(
      fc.property(pathSegment, pathSegment, path, (a, b, rest) => {
        fc.pre(a !== b);
        const m = compileGlobs([`${a}/**`]);
        expect(m.mayContain(b)).toBe(false);
        expect(m.mayContain(`${b}/${rest}`)).toBe(false);
        expect(m.mayContain(`${a}/${rest}`)).toBe(true);
      }),
    );
  });
});
