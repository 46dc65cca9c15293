/**
 * Helpers for the site, serve and browser tests: a temporary repository with
 * the site fixture archive, HTML Tidy, a freshly bundled CLI (worker threads
 * and signals need real processes running real JavaScript), and headless
 * Chromium from the system (skipped with a message when absent, a failure
 * under CI=true).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { entryHash } from '../../src/archive/canonical-json.js';
import { sha256Hex } from '../../src/hash.js';
import type { ArchiveIndex, ArchivedVersion } from '../../src/types.js';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The fixture archive: privacy-policy (zh, 1.0 → 1.1 minor → 2.0 major) and terms (en, with script, onerror and javascript: links). */
export const SITE_FIXTURE = join(ROOT, 'test/fixtures/site-archive');

/** The clock of the site tests: after every fixture version took effect. */
export const SITE_NOW = new Date('2024-06-01T12:00:00Z');

/** A temporary repository holding a copy of the fixture archive. */
export function makeSiteRepo(): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'policy-site-'));
  cpSync(join(SITE_FIXTURE, 'archive'), join(root, 'archive'), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Appends a version to an archived policy the way publish does: the file, its sha256, the hash chain. */
export function addVersion(repoRoot: string, id: string, version: string, text: string, fields: Partial<ArchivedVersion> = {}): void {
  const dir = join(repoRoot, 'archive', id);
  writeFileSync(join(dir, `${version}.md`), text);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as ArchiveIndex;
  const last = index.versions.at(-1)!;
  index.versions.push({
    version,
    date: '2024-05-01',
    effective: '2024-05-15',
    file: `${version}.md`,
    sha256: sha256Hex(text),
    level: 'minor',
    triggers: [],
    summary: `Version ${version}.`,
    publishedAt: '2024-05-01T09:00:00.000Z',
    previous: entryHash(last),
    ...fields,
  });
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs `tidy -q -e` (or `-xml`) on a file: exit status 2 means errors; the message lists them. */
export function runTidy(file: string, xml = false): { status: number; output: string } {
  const result = spawnSync('tidy', [...(xml ? ['-xml'] : []), '-q', '-e', file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** True when HTML Tidy is installed. */
export const HAVE_TIDY = spawnSync('tidy', ['-v'], { encoding: 'utf8' }).status === 0;

let bundled: string | null = null;

/**
 * Bundles the CLI from source into a temporary folder (like scripts/build.mjs)
 * and returns the path of its entry, so tests that need separate processes run
 * the code under test rather than a possibly stale dist/.
 */
export async function bundleCli(): Promise<string> {
  if (bundled) return bundled;
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'policy-bundle-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // The bundle resolves better-sqlite3 (external) from node_modules next to it.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  mkdirSync(join(dir, 'dist'));
  await build({
    entryPoints: { cli: join(ROOT, 'src/cli/entry.ts') },
    outdir: join(dir, 'dist'),
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __policyCreateRequire } from 'node:module'; const require = __policyCreateRequire(import.meta.url);" },
    define: { POLICY_VERSION: JSON.stringify('0.0.0-test') },
    logLevel: 'error',
  });
  bundled = join(dir, 'dist', 'cli.js');
  return bundled;
}

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** The launch flags for headless Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether browser tests run: yes when Chromium is installed; when it is not,
 * they are skipped with a message, except under CI=true where that is a failure.
 */
export function browserTestsEnabled(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`${CHROMIUM} not found: CI must run the browser tests (apt-get install -y chromium fonts-wqy-microhei)`);
  }
  console.warn(`Skipping browser tests: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei to run them)`);
  return false;
}

/** Launches headless Chromium with the project's flags. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
