#!/usr/bin/env node
// Whole-process performance figures of `policy`, each beside a reference tool
// measured in the same run on the same files. Prints a table; asserts nothing.
//
//   npm run bench            # all benches
//   npm run bench -- diff    # only the diff benches (also: notify, site)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largePolicy, random, scatteredEdits } from './bench-lib.mjs';
import { ADVERSARIAL } from './bench-markdown.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'policy.js');
const only = process.argv[2];
const RUNS = 5;
const hasGnuTime = existsSync('/usr/bin/time');

/** Runs a command and returns wall seconds and peak RSS in MB (null without GNU time). */
function measureOnce(command, args) {
  const started = process.hrtime.bigint();
  const result = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  const kb = hasGnuTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, mb: Number.isFinite(kb) ? kb / 1024 : null };
}

/** Median wall time and the largest peak memory over RUNS runs. */
function measure(command, args) {
  const runs = Array.from({ length: RUNS }, () => measureOnce(command, args));
  const times = runs.map((run) => run.seconds).sort((a, b) => a - b);
  const mbs = runs.map((run) => run.mb).filter((mb) => mb !== null);
  return { seconds: times[Math.floor(times.length / 2)], mb: mbs.length ? Math.max(...mbs) : null };
}

const markdownCaseSlug = (name) => name.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '');

const fmt = (m) => `${m.seconds.toFixed(3)} s${m.mb !== null ? `, ${m.mb.toFixed(0)} MB` : ''}`;

function row(name, ours, reference, target) {
  const ratio = ours.seconds / reference.seconds;
  console.log(`${name.padEnd(34)} ${fmt(ours).padEnd(20)} ref ${fmt(reference).padEnd(20)} ×${ratio.toFixed(2).padEnd(7)} ${target}`);
}

function benchDiff() {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bench-'));
  try {
    const seed = readFileSync(join(root, 'policies', 'privacy-policy.md'), 'utf8');
    const files = {
      seed: join(dir, 'seed.md'),
      seedRevised: join(dir, 'seed-revised.md'),
      large: join(dir, 'large.md'),
      large50: join(dir, 'large-50.md'),
      large2000: join(dir, 'large-2000.md'),
    };
    writeFileSync(files.seed, seed);
    writeFileSync(files.seedRevised, seed.replace('legal@pingcap.com](mailto:legal@pingcap.com)。我们将', 'legal@pingcap.cn](mailto:legal@pingcap.cn)。我们将').replace('三十天', '十五天'));
    const large = largePolicy(seed, 1024 * 1024);
    writeFileSync(files.large, large);
    writeFileSync(files.large50, scatteredEdits(large, 50, random(7)));
    writeFileSync(files.large2000, scatteredEdits(large, 2000, random(11)));

    const node = process.execPath;
    const gitWordDiff = (a, b) => ['diff', '--no-index', '--word-diff-regex=.', a, b];
    console.log(`policy diff (median of ${RUNS} runs; memory = peak RSS${hasGnuTime ? '' : ', unavailable without /usr/bin/time'})`);
    console.log(`${'case'.padEnd(34)} ${'policy'.padEnd(20)} ${'reference'.padEnd(24)} ${'ratio'.padEnd(8)} target`);
    row('version: policy --version', measure(node, [bin, '--version']), measure(node, ['-e', '']), 'within 2.5× of node -e ""');
    // Hostile input: runs that made backtracking patterns and segmentation quadratic.
    const letters = 'abcdefghijklmnopqrstuvwxyz'.repeat(400_000 / 26);
    const chinese = '本公司将依法收集和使用您的个人信息并采取安全措施保护数据'.repeat(7500);
    const hostile = {
      line: join(dir, 'line.md'),
      lineEdited: join(dir, 'line-edited.md'),
      zh: join(dir, 'zh.md'),
      zhEdited: join(dir, 'zh-edited.md'),
      big: join(dir, 'big.md'),
      bigEdited: join(dir, 'big-edited.md'),
    };
    writeFileSync(hostile.line, `# T\n\n${letters}\n`);
    writeFileSync(hostile.lineEdited, `# T\n\n${letters}x\n`);
    writeFileSync(hostile.zh, `# 标题\n\n${chinese}\n`);
    writeFileSync(hostile.zhEdited, `# 标题\n\n${chinese}。\n`);
    const runs = ['1,', '1.1 ', 'a.', '一二三', '（中文字）', 'US ', '0123456789'].map((unit) => unit.repeat(Math.ceil(100_000 / unit.length)));
    const big = largePolicy(seed, 9 * 1024 * 1024 - runs.join('\n\n').length) + '\n\n' + runs.join('\n\n') + '\n';
    writeFileSync(hostile.big, big);
    writeFileSync(hostile.bigEdited, scatteredEdits(big, 200, random(13)));
    // Markdown the parser underneath took super-linear time on (minutes at 1 MB before it was bounded);
    // every input of scripts/bench-markdown.mjs at three sizes: `node scripts/bench-markdown.mjs`.
    const markdownCases = ['brackets [', 'emphasis *a', 'lazy quote lines', 'indented list staircase', 'tiny list items'].map((name) => {
      const body = ADVERSARIAL[name](1_000_000);
      const file = join(dir, `md-${markdownCaseSlug(name)}.md`);
      const edited = join(dir, `md-${markdownCaseSlug(name)}-edited.md`);
      writeFileSync(file, `# Policy\n\nIntro.\n\n${body}\n\n## After\n\nClosing paragraph.\n`);
      writeFileSync(edited, `# Policy\n\nIntro.\n\n${body.slice(0, body.length >> 1)}x${body.slice(body.length >> 1)}\n\n## After\n\nClosing paragraph.\n`);
      return [`1 MB of ${name}, one edit`, file, edited, 'under 2 s'];
    });
    const cases = [
      ['400 KB line of letters, one edit', hostile.line, hostile.lineEdited, 'under 2 s'],
      ['210 KB Chinese paragraph, one edit', hostile.zh, hostile.zhEdited, 'under 2 s'],
      ['9 MB with adversarial runs', hostile.big, hostile.bigEdited, 'under 10 s and 1 GB'],
      ...markdownCases,
      ['seed vs small revision', files.seed, files.seedRevised, 'under 0.3 s'],
      ['1 MB vs 50 scattered edits', files.large, files.large50, ''],
      ['1 MB vs 2,000 scattered edits', files.large, files.large2000, 'under 3 s and 300 MB'],
    ];
    for (const [name, a, b, target] of cases) {
      row(name, measure(node, [bin, 'diff', a, b, '--format', 'json']), measure('git', gitWordDiff(a, b)), target);
    }
    console.log('reference: git diff --no-index --word-diff-regex=. on the same files; version reference: node -e ""');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runScript(name) {
  const script = join(root, 'scripts', `bench-${name}.mjs`);
  if (!existsSync(script)) return;
  console.log('');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}

if (!only || only === 'diff') benchDiff();
for (const name of ['notify', 'site']) if (!only || only === name) runScript(name);
