/** The formatting line of a large JSON document, read from its bytes. */

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The formatting line of the whole-document path (json.ts), from the bytes of a document the
 * scanner (json-region.ts) found valid: between tokens there is only ASCII whitespace, so a large
 * document needs no decoding for it.
 */
export function describeJsonFormatting(buf: Buffer): string {
  const parts: string[] = [];
  const from = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (from === 3) parts.push('UTF-8 with BOM');
  let end = buf.length;
  while (end > from && isSpace(buf[end - 1] as number)) end--;
  let indent: string | null = null;
  for (let nl = buf.indexOf(0x0a, from); nl >= 0 && nl < end; nl = buf.indexOf(0x0a, nl + 1)) {
    let i = nl + 1;
    while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
    if (i > nl + 1 && i < end && !isSpace(buf[i] as number)) {
      indent = buf.toString('latin1', nl + 1, i);
      break;
    }
  }
  const body = buf.subarray(from, end);
  const lines = body.includes(0x0a);
  if (indent === null) parts.push(lines ? 'not indented' : 'single line');
  else if (indent.includes('\t')) parts.push('tab indent');
  else parts.push(`${indent.length}-space indent`);
  if (lines) parts.push(body.includes('\r\n') ? 'CRLF' : 'LF');
  parts.push(buf.length > from && buf[buf.length - 1] === 0x0a ? 'final newline' : 'no final newline');
  return parts.join(', ');
}
