import { describe, expect, it } from '@jest/globals';
import { baselineLine } from '../../src/github/report-step.js';
import type { RunContext } from '../../src/github/context.js';

describe('baselineLine', () => {
  it('shows a hostile branch name in the baseline description as inert Markdown', () => {
    // Git allows <, |, `, * and @ in branch names; the description reaches the PR comment and the summary.
    const description = 'the newest usable run on x<img src=x onerror=alert(1)>|`*@team*';
    const line = baselineLine({ path: '/tmp/b.vitsnap', runId: null, sha: null, label: 'main @ 1234567 (cache)', verified: true, description }, {} as RunContext);
    expect(line).not.toMatch(/(?<!\\)[<|`]/);
    expect(line).toContain('\\<img');
    expect(line).toContain('\\|');
    expect(line).toContain('\\`');
    expect(line).toContain('@\u2060team');
  });
});
