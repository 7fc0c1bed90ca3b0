/** Names shown to people: every control, separator and bidi character as a visible escape. */
import { describe, expect, it } from '@jest/globals';
import { clip, escapeControls, escapeLines, hasControls } from '../../src/report/escape.js';

describe('escapeControls', () => {
  it.each([
    ['plain/path.txt', 'plain/path.txt'],
    ['a\nverdict: identical\n', 'a\\nverdict: identical\\n'],
    ['x\x1b[2J', 'x\\x1b[2J'],
    ['tab\there\r', 'tab\\there\\r'],
    ['nul\0del\x7f', 'nul\\x00del\\x7f'],
    ['c1\u0085\u009b', 'c1\\x85\\x9b'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['evil\u202egpj.exe', 'evil\\u202egpj.exe'],
    ['\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\ufeff', '\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\ufeff'],
    ['lone\ud800high', 'lone\\ud800high'],
    ['lone\udc00low', 'lone\\udc00low'],
    ['pair 😀 ok, ünïcödé, 日本', 'pair 😀 ok, ünïcödé, 日本'],
    ['back\\slash', 'back\\slash'],
  ])('%j → %j', (input, expected) => {
    expect(escapeControls(input)).toBe(expected);
    expect(hasControls(input)).toBe(input !== expected);
  });

  it('keeps our own line breaks in multi-line text and escapes the rest', () => {
    expect(escapeLines('one\ntwo\x1b[31m')).toBe('one\ntwo\\x1b[31m');
  });

  it('clips without splitting a surrogate pair', () => {
    expect(clip('abcdef', 10)).toBe('abcdef');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
  });
});
