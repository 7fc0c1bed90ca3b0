/**
 * Hostile manifest and entry sections stop at a bound before JSON.parse builds them: deep nesting,
 * huge arrays, millions of keys, long strings. And names that are not well-formed Unicode.
 */
import { describe, expect, it } from '@jest/globals';
import { LIMITS } from '../../src/snapshot/format.js';
import { parseEntriesSection, parseManifestSection } from '../../src/snapshot/manifest.js';
import { entryPathProblem } from '../../src/snapshot/paths.js';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'untyped';
  }
}

describe('bounded JSON sections', () => {
  it('refuses entries nested far deeper than the schema before parsing (E_LIMIT, not a heap crash)', () => {
    const deep = Buffer.from(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(codeOf(() => parseEntriesSection(deep, 'entries'))).toBe('E_LIMIT');
  });

  it('refuses an entries array with more elements than the entry limit', () => {
    const zeros = Buffer.from(`[${new Array(LIMITS.entryCount + 1).fill('0').join(',')}]`);
    expect(codeOf(() => parseEntriesSection(zeros, 'entries'))).toBe('E_LIMIT');
  });

  it('refuses a manifest with more environment keys than any capture records', () => {
    const keys = Array.from({ length: LIMITS.manifestMembers + 1 }, (_, i) => `"K${i}":"v"`).join(',');
    const manifest = Buffer.from(`{"metadata":{"env":{${keys}}}}`);
    expect(codeOf(() => parseManifestSection(manifest, 'manifest'))).toBe('E_LIMIT');
  });

  it('refuses a string longer than the section allows', () => {
    const manifest = Buffer.from(`{"tool":{"name":"vitsnap","version":"${'x'.repeat(LIMITS.manifestStringBytes + 1)}"}}`);
    expect(codeOf(() => parseManifestSection(manifest, 'manifest'))).toBe('E_LIMIT');
  });

  it('gives E_MANIFEST, not a crash, for unbalanced or unterminated JSON', () => {
    expect(codeOf(() => parseEntriesSection(Buffer.from('[{"path":"a"'), 'entries'))).toMatch(/^E_(MANIFEST|LIMIT)$/);
    expect(codeOf(() => parseManifestSection(Buffer.from('{"tool":"unterminated'), 'manifest'))).toMatch(/^E_(MANIFEST|LIMIT)$/);
  });
});

describe('names that are not well-formed Unicode', () => {
  it('rejects lone surrogates, which would alias on disk', () => {
    expect(entryPathProblem('x\ud800')).not.toBeNull();
    expect(entryPathProblem('x\udbff')).not.toBeNull();
    expect(entryPathProblem('dir/\udc00y')).not.toBeNull();
    expect(entryPathProblem('ok/😀')).toBeNull();
  });

  it('refuses an entry list holding such a name at load', () => {
    const entries = Buffer.from(JSON.stringify([{ type: 'dir', path: 'x\ud800', mode: 0o755 }]));
    expect(codeOf(() => parseEntriesSection(entries, 'entries'))).toBe('E_MANIFEST');
  });
});
