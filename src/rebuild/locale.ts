/** A locale other than C for the locale variation: an installed one, else one generated for this run. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tryCommand } from './probe.js';
import { execFile } from 'node:child_process';

export type OtherLocale = { name: string; locpath: string | null } | { reason: string };

/** Preferred because their dates, numbers and collation differ most visibly from C's. */
const PREFERRED = ['fr_FR.utf8', 'de_DE.utf8', 'es_ES.utf8', 'en_US.utf8'];

function listLocales(env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((done) => {
    execFile('locale', ['-a'], { env, timeout: 10_000, encoding: 'utf8' }, (error, stdout) => done(error === null ? stdout.split('\n').map((l) => l.trim()) : []));
  });
}

export async function findOtherLocale(workDir: string, env: NodeJS.ProcessEnv): Promise<OtherLocale> {
  const installed = await listLocales(env);
  const utf8 = installed.filter((l) => /\.utf-?8$/i.test(l) && !/^c\./i.test(l));
  const pick = PREFERRED.find((p) => utf8.includes(p)) ?? utf8[0];
  if (pick !== undefined) return { name: pick, locpath: null };
  // None installed: compile fr_FR from the i18n sources into a private directory (no root needed).
  const locpath = join(workDir, 'locales');
  mkdirSync(locpath, { recursive: true });
  const made = await tryCommand(['localedef', '-i', 'fr_FR', '-f', 'UTF-8', join(locpath, 'fr_FR.UTF-8')], env, 60_000);
  if (!made.ok) return { reason: `only C/POSIX locales are installed and localedef could not generate fr_FR.UTF-8: ${made.detail || 'no reason given'} (Debian package 'locales')` };
  return { name: 'fr_FR.UTF-8', locpath };
}
