/** Input validation: a bad input names itself and its valid values; defaults match action.yml. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { getInputs } from '../../src/inputs.js';
import { VARIATION_NAMES } from '../../src/rebuild/variations.js';
import { actionDefaults } from './harness.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  Object.assign(process.env, saved);
});

function withInputs(inputs: Record<string, string>): void {
  Object.assign(process.env, actionDefaults(), { INPUT_TOKEN: 't' }, Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])));
}

describe('action inputs', () => {
  it("reads action.yml's defaults into a typed object", () => {
    withInputs({ path: 'dist/**\n!**/*.map' });
    expect(getInputs()).toEqual({
      patterns: ['dist/**', '!**/*.map'],
      includeHiddenFiles: false,
      ifNoFilesFound: 'warn',
      name: 'snapshot',
      mode: 'auto',
      baseline: { kind: 'auto' },
      baselineRef: '',
      baselineEvents: ['push'],
      workflow: '',
      metadataCommands: [],
      envAllowlist: [],
      probes: null,
      ignore: [],
      exclude: [],
      stripHash: 'default',
      failOn: 'never',
      failOnMissingBaseline: false,
      comment: 'auto',
      maxAnnotations: 10,
      retentionDays: null,
      upload: 'delta',
      htmlReport: true,
      token: 't',
      registry: '',
      rebuild: null,
    });
  });

  it('reads the registry as oci://HOST/REPO, lower-casing the repository, and refuses a tag', () => {
    withInputs({ path: 'out/**', baseline: 'oci', registry: 'ghcr.io/Octo/App-vitsnap' });
    expect(getInputs().registry).toBe('oci://ghcr.io/octo/app-vitsnap');
    withInputs({ path: 'out/**', baseline: 'oci', registry: 'oci://localhost:5000/snapshots/' });
    expect(getInputs().registry).toBe('oci://localhost:5000/snapshots');
    withInputs({ path: 'out/**', baseline: 'oci', registry: 'ghcr.io/octo/app:main' });
    expect(() => getInputs()).toThrow(/^input 'registry' must be a registry and repository without a tag, e\.g\. 'ghcr\.io\/owner\/repo-vitsnap' \(got "ghcr\.io\/octo\/app:main"\)$/);
  });

  it('parses lists, paths and numbers', () => {
    withInputs({ path: 'out/**', baseline: 'path:base/app.vitsnap', ignore: 'timestamps, build-id', exclude: '**/*.log\n**/tmp/**', 'retention-days': '7', 'max-annotations': '0' });
    const i = getInputs();
    expect([i.baseline, i.ignore, i.exclude, i.retentionDays, i.maxAnnotations]).toEqual([{ kind: 'path', path: 'base/app.vitsnap' }, ['timestamps', 'build-id'], ['**/*.log', '**/tmp/**'], 7, 0]);
    withInputs({ path: 'out/**', 'strip-hash': '\\.([0-9a-z]{5})\\.' });
    expect(getInputs().stripHash).toEqual(/\.([0-9a-z]{5})\./g);
    withInputs({ path: 'out/**', 'strip-hash': 'off' });
    expect(getInputs().stripHash).toBe('off');
  });

  it.each([
    ['mode', 'push', /^input 'mode' must be one of 'auto', 'capture', 'compare', 'post', 'rebuild' \(got "push"\)$/],
    ['baseline', 'registry', /^input 'baseline' must be one of 'auto', 'artifact', 'cache', 'oci', 'none' \(got "registry"\)$/],
    ['baseline', 'oci', /^'baseline: oci' needs input 'registry', e\.g\. 'ghcr\.io\/\$\{\{ github\.repository \}\}-vitsnap'$/],
    ['baseline', 'path:', /^input 'baseline' must be 'path:' followed by a \.vitsnap file/],
    ['fail-on', 'yes', /^input 'fail-on' must be one of 'never', 'drift', 'unexplained' \(got "yes"\)$/],
    ['fail-on-missing-baseline', 'maybe', /^input 'fail-on-missing-baseline' must be 'true' or 'false' \(got "maybe"\)$/],
    ['comment', 'sometimes', /^input 'comment' must be one of 'auto', 'always', 'on-drift', 'never'/],
    ['max-annotations', '11', /^input 'max-annotations' must be a whole number from 0 to 10: GitHub shows at most 10 annotations per level per step; every change is listed in the job summary \(got "11"\)$/],
    ['retention-days', '91', /^input 'retention-days' must be a whole number from 0 to 90 \(got "91"\)$/],
    ['upload', 'patch', /^input 'upload' must be one of 'delta', 'full' \(got "patch"\)$/],
    ['html-report', 'yes', /^input 'html-report' must be 'true' or 'false'/],
    ['ignore', 'timestamps,colours', /^input 'ignore' must be a comma-separated list of timestamps, build-paths, file-order, build-id, compression \(got "colours"\)$/],
    ['name', 'a b', /^input 'name' must be 1–64 characters/],
    ['baseline-events', 'merge_group', /^input 'baseline-events' must be a comma-separated list of push, schedule, workflow_dispatch: those runs build a pull request's code/],
    ['if-no-files-found', 'fail', /^input 'if-no-files-found' must be one of 'warn', 'error', 'ignore' \(got "fail"\)$/],
    ['probes', 'gcc, /usr/bin/node', /^input 'probes': "\/usr\/bin\/node" is not a tool name; give bare command names/],
    ['probes', 'none, gcc', /^input 'probes': "none" is not a tool name/],
  ])('rejects %s=%j naming the input and the valid values', (input, value, message) => {
    withInputs({ path: 'dist/**', [input]: value });
    expect(() => getInputs()).toThrow(message);
    try {
      getInputs();
    } catch (error) {
      expect((error as { code: string }).code).toBe('E_INPUT');
    }
  });

  it("reads probes as a list of tool names, 'none' as no probes, nothing as the built-in list", () => {
    withInputs({ path: 'dist/**', probes: 'gcc, node\nnpm,gcc' });
    expect(getInputs().probes).toEqual(['gcc', 'node', 'npm']);
    withInputs({ path: 'dist/**', probes: 'none' });
    expect(getInputs().probes).toEqual([]);
    withInputs({ path: 'dist/**', probes: ' ' });
    expect(getInputs().probes).toBeNull();
  });

  it("needs 'path' except to post a prepared comment", () => {
    withInputs({});
    expect(() => getInputs()).toThrow(/^input 'path' needs at least one glob/);
    withInputs({ mode: 'post' });
    expect(getInputs().mode).toBe('post');
  });

  describe("mode 'rebuild'", () => {
    it('reads the build command, the variations (all by default), bisect and max-builds', () => {
      withInputs({ mode: 'rebuild', path: 'out/**', 'build-command': 'make' });
      expect(getInputs().rebuild).toEqual({ command: 'make', vary: [...VARIATION_NAMES], bisect: false, maxBuilds: 32 });
      withInputs({ mode: 'rebuild', path: 'out/**', 'build-command': './configure\nmake -j2', vary: '-file-order, -user', bisect: 'true', 'max-builds': '12' });
      expect(getInputs().rebuild).toEqual({ command: './configure\nmake -j2', vary: VARIATION_NAMES.filter((n) => n !== 'file-order' && n !== 'user'), bisect: true, maxBuilds: 12 });
      withInputs({ mode: 'rebuild', path: 'out/**', 'build-command': 'make', vary: 'time timezone' });
      expect(getInputs().rebuild?.vary).toEqual(['time', 'timezone']);
      withInputs({ mode: 'rebuild', path: 'out/**', 'build-command': 'make', vary: 'none' });
      expect(getInputs().rebuild?.vary).toEqual([]);
    });

    it.each([
      [{ 'build-command': '' }, /^'mode: rebuild' needs input 'build-command': the shell command that builds what 'path' names/],
      [{ 'build-command': 'make', vary: 'time,tiem' }, /^unknown variation "tiem" in input 'vary'.*; valid: build-path, time, .*, all, none$/],
      [{ 'build-command': 'make', bisect: 'yes' }, /^input 'bisect' must be 'true' or 'false' \(got "yes"\)$/],
      [{ 'build-command': 'make', 'max-builds': '1' }, /^input 'max-builds' must be a whole number from 2 to 1000 \(got "1"\)$/],
      [{ 'build-command': 'make', path: '' }, /^input 'path' needs at least one glob \(the build's outputs, relative to the workspace\)/],
    ])('rejects %j with E_INPUT naming the input', (inputs, message) => {
      withInputs({ mode: 'rebuild', path: 'out/**', ...inputs });
      expect(() => getInputs()).toThrow(message);
      expect(() => getInputs()).toThrow(expect.objectContaining({ code: 'E_INPUT' }));
    });

    it("refuses build-command in another mode rather than ignore it", () => {
      withInputs({ path: 'out/**', 'build-command': 'make' });
      expect(() => getInputs()).toThrow(/^input 'build-command' is used only by 'mode: rebuild' \(mode is 'auto'\)/);
    });
  });

  it("reads retention-days: 0 as the repository's setting, like upload-artifact", () => {
    withInputs({ path: 'dist/**', 'retention-days': '0' });
    expect(getInputs().retentionDays).toBeNull();
  });
});
