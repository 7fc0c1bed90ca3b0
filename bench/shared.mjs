// Small helpers the bench sections share (run.mjs keeps the measuring code and hands it in).
import { spawnSync } from 'node:child_process';
import os from 'node:os';

export const loadNow = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
export const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);
export const fmtRatio = (v, digits = 2) => (v === undefined ? '—' : `${v.toFixed(digits)}×`);
export const fmtS = (v) => (v === undefined ? '—' : v < 1 ? v.toFixed(3) : v.toFixed(2));

export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// `du` in bytes: apparent sizes (-b, what the targets speak) or allocated blocks (-B1,
// what the disk pays: every chunk file takes at least one 4 KiB block).
export function du(dir, allocated) {
  const r = spawnSync('du', ['-s', allocated ? '-B1' : '-b', dir], { encoding: 'utf8' });
  const n = Number(r.stdout?.split(/\s/)[0]);
  return r.status === 0 && Number.isFinite(n) ? n : undefined;
}
