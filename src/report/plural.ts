/** Counts in prose: `1 file`, `2 files`, `0 files`; one helper so no report says "1 files". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
