/**
 * The `with:` inputs of the action's steps in examples/workflows/*.yml — the workflows the README
 * shows — so the end-to-end tests run exactly what users copy. A small reader for the shapes those
 * files use (`key: value` and `key: |` blocks), not a YAML parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples', 'workflows');
const USES = /^(\s*)(- )?uses: owner\/snapshot-action@v1\s*$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Every snapshot-action step's inputs, in file order; `${{ matrix.x }}` etc. replaced from `vars`. */
export function exampleSteps(file: string, vars: Record<string, string> = {}): Record<string, string>[] {
  const lines = readFileSync(join(EXAMPLES_DIR, file), 'utf8').split('\n');
  const steps: Record<string, string>[] = [];
  lines.forEach((line, at) => {
    const m = USES.exec(line);
    if (m === null) return;
    const keyIndent = (m[1] ?? '').length + (m[2] === undefined ? 0 : 2);
    // The step's other keys may come before `uses:` (an `id:`): search the whole step.
    let start = at;
    while (start > 0 && !/^\s*- /.test(lines[start] ?? '')) start--;
    const inputs: Record<string, string> = {};
    for (let i = start; i < lines.length; i++) {
      const l = lines[i] as string;
      if (i > start && l.trim() !== '' && (indentOf(l) < keyIndent || (indentOf(l) === keyIndent - 2 && l.trimStart().startsWith('- ')))) break;
      if (l.trim() !== 'with:' || indentOf(l) !== keyIndent) continue;
      for (let j = i + 1; j < lines.length && (lines[j]?.trim() === '' || indentOf(lines[j] as string) > keyIndent); j++) {
        const entry = /^\s*([a-z-]+):\s*(.*)$/.exec(lines[j] as string);
        if (entry === null || indentOf(lines[j] as string) !== keyIndent + 2) continue;
        const [, key, value] = entry as unknown as [string, string, string];
        if (value === '|') {
          const block: string[] = [];
          for (let k = j + 1; k < lines.length && indentOf(lines[k] as string) > keyIndent + 2 && (lines[k] as string).trim() !== ''; k++) block.push((lines[k] as string).trim());
          inputs[key] = block.join('\n');
        } else {
          inputs[key] = value.replace(/\s+#.*$/, '');
        }
      }
      break;
    }
    for (const [k, v] of Object.entries(inputs)) inputs[k] = v.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => vars[name] ?? `\${{ ${name} }}`);
    steps.push(inputs);
  });
  return steps;
}
