#!/usr/bin/env node
// `policy site` performance: a cold build of 200 versions of a 100 KB policy
// (target under 60 s, using every core) and the incremental rebuild after one
// more version is published (target under 2 s). The reference is the floor of
// the work: remark-parse + remark-gfm → remark-rehype → rehype-stringify of the
// same 200 files in one thread, in this process. Prints figures; asserts nothing.
//
//   npm run build && node scripts/bench-site.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson, largePolicy, random, scatteredEdits, sha256 } from './bench-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// POLICY_BIN runs another build of the CLI (e.g. a bundle in a temporary folder).
const bin = process.env.POLICY_BIN ?? join(root, 'bin', 'policy.js');
const VERSIONS = Number(process.env.BENCH_SITE_VERSIONS ?? 200);
const SIZE = 100 * 1024;
const ID = 'bench-policy';
const hasGnuTime = existsSync('/usr/bin/time');

function isoDay(start, days) {
  return new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Appends version `i` to the archive: its file and its hash-chained index entry. */
function publish(dir, index, text, i) {
  const version = `${1 + Math.floor(i / 50)}.${i % 50}`;
  const date = isoDay('2010-01-01', i * 14);
  const major = i > 0 && i % 10 === 0;
  const last = index.versions.at(-1);
  writeFileSync(join(dir, `${version}.md`), text);
  index.versions.push({
    version,
    date,
    effective: major ? isoDay(date, 30) : date,
    file: `${version}.md`,
    sha256: sha256(text),
    level: i === 0 ? 'initial' : major ? 'major' : 'minor',
    triggers: major ? [5] : [],
    summary: i === 0 ? '首次发布。' : `第 ${i} 次修订。`,
    publishedAt: `${date}T09:00:00.000Z`,
    previous: last ? sha256(canonicalJson(last)) : null,
  });
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}

/** Runs the CLI in `cwd`; returns wall seconds, CPU seconds and peak RSS (the last two with GNU time only). */
function timed(cwd, args) {
  const started = process.hrtime.bigint();
  const command = hasGnuTime ? '/usr/bin/time' : process.execPath;
  const argv = hasGnuTime ? ['-f', '%U %S %M', process.execPath, bin, ...args] : [bin, ...args];
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`policy ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [user, system, kb] = hasGnuTime ? result.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, cpu: user + system, mb: kb / 1024, stdout: result.stdout.trim() };
}

const fmt = (m) => `${m.seconds.toFixed(2)} s${Number.isFinite(m.cpu) ? ` (cpu ${m.cpu.toFixed(1)} s, ${m.mb.toFixed(0)} MB)` : ''}`;

async function referenceRender(dir, files) {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkRehype } = await import('remark-rehype');
  const { default: rehypeStringify } = await import('rehype-stringify');
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  const started = process.hrtime.bigint();
  for (const file of files) processor.processSync(readFileSync(join(dir, file), 'utf8'));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

if (!process.env.POLICY_BIN && !existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench-site: dist/cli.js is missing; run npm run build first');
  process.exit(1);
}

const repo = mkdtempSync(join(tmpdir(), 'policy-bench-site-'));
try {
  const archiveDir = join(repo, 'archive', ID);
  mkdirSync(archiveDir, { recursive: true });
  const seed = readFileSync(join(root, 'policies', 'privacy-policy.md'), 'utf8');
  const next = random(42);
  let text = largePolicy(seed, SIZE);
  const index = { id: ID, title: '隐私政策（基准）', lang: 'zh', versions: [] };
  for (let i = 0; i < VERSIONS; i++) {
    if (i > 0) text = scatteredEdits(text, 5, next).replace(/最新更新于 .*?日/, `最新更新于 ${isoDay('2010-01-01', i * 14)}`);
    publish(archiveDir, index, text, i);
  }
  const mb = index.versions.reduce((sum, entry) => sum + Buffer.byteLength(readFileSync(join(archiveDir, entry.file))), 0) / 1024 / 1024;

  console.log(`policy site (${VERSIONS} versions of a ${(SIZE / 1024).toFixed(0)} KB policy, ${mb.toFixed(1)} MB of Markdown; ${availableParallelism()} cores)`);
  const cold = timed(repo, ['site', '--out', 'site']);
  console.log(`${'cold build'.padEnd(34)} ${fmt(cold).padEnd(40)} target under 60 s   ${cold.stdout}`);
  const noop = timed(repo, ['site', '--out', 'site']);
  console.log(`${'rebuild, nothing changed'.padEnd(34)} ${fmt(noop).padEnd(40)} ${''.padEnd(19)} ${noop.stdout}`);
  publish(archiveDir, index, scatteredEdits(text, 5, next), VERSIONS);
  const incremental = timed(repo, ['site', '--out', 'site']);
  console.log(`${'rebuild after one more version'.padEnd(34)} ${fmt(incremental).padEnd(40)} target under 2 s    ${incremental.stdout}`);
  if (process.env.BENCH_SITE_SERIAL === '1') {
    const serial = timed(repo, ['site', '--out', 'site-serial', '--jobs', '1']);
    console.log(`${'cold build, one thread'.padEnd(34)} ${fmt(serial).padEnd(40)} ${''.padEnd(19)} ${serial.stdout}`);
  }
  const reference = await referenceRender(archiveDir, index.versions.slice(0, VERSIONS).map((entry) => entry.file));
  console.log(`${'reference: remark → rehype, 1 thread'.padEnd(34)} ${`${reference.toFixed(2)} s`.padEnd(40)} (Markdown to HTML only: no redlines, no pages)`);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
