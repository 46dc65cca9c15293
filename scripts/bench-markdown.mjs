#!/usr/bin/env node
// `policy diff` on Markdown that the parser underneath (micromark) handles in
// super-linear time: each input at several sizes, against the same file with
// one edit, beside `git diff --no-index` on the same files. Prints a table;
// asserts nothing. One run per cell (the slow cells are the point), ended after
// two minutes.
//
//   node scripts/bench-markdown.mjs                     # 10 KB, 100 KB, 1 MB
//   node scripts/bench-markdown.mjs 1000000 brackets    # one size, some inputs
//   POLICY_BIN=/other/bin/policy.js node scripts/bench-markdown.mjs   # another build
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = process.env.POLICY_BIN ?? join(root, 'bin', 'policy.js');
const hasGnuTime = existsSync('/usr/bin/time');
const TIMEOUT_MS = 120_000;

const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Adversarial bodies by name: each returns Markdown of about `size` characters. */
export const ADVERSARIAL = {
  'brackets [': (size) => fill('[', size),
  'link ends ](': (size) => fill('](', size),
  'link starts [a](': (size) => fill('[a](', size),
  'images ![': (size) => fill('![', size),
  'footnote calls [^a': (size) => fill('[^a', size),
  'emphasis *a': (size) => fill('*a', size),
  'stars *': (size) => fill('*', size),
  'underscores a_': (size) => fill('a_', size),
  'nested emphasis': (size) => fill('*a **a ', size),
  'angle brackets <a': (size) => fill('<a', size),
  'backtick runs': (size) => { let s = ''; for (let i = 1; s.length < size; i = (i % 50) + 1) s += '`'.repeat(i) + 'a'; return s; },
  'bangs !': (size) => fill('!', size),
  'pipes |': (size) => fill('|', size),
  'table of many columns': (size) => `${fill('|a', size / 2)}\n${fill('|-', size / 2)}\n`,
  'lazy quote lines': (size) => `> a\n${fill('a\n', size)}`,
  'lazy list lines': (size) => `- a\n${fill('a\n', size)}`,
  'indented list staircase': (size) => { let s = ''; for (let i = 0; s.length < size; i++) s += `${' '.repeat((i % 40) * 2)}- a\n`; return s; },
  'tiny list items': (size) => fill('- a\n', size),
  'reference definitions': (size) => { let s = ''; for (let i = 0; s.length < size / 2; i++) s += `[a${i}]: /u${i}\n`; s += '\n'; for (let i = 0; s.length < size; i++) s += `[a${i}] `; return s; },
  'html lines': (size) => `<div>\n${fill('<a>\n', size)}`,
};

function run(args) {
  const started = process.hrtime.bigint();
  // timeout(1) ends the measured process itself, not only the wrapper around it.
  const limited = ['timeout', '-s', 'KILL', String(TIMEOUT_MS / 1000), ...args];
  const result = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', ...limited], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(limited[0], limited.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error || result.status === 137 || result.status === 124 || seconds >= TIMEOUT_MS / 1000) return { text: `> ${TIMEOUT_MS / 1000} s`, code: null };
  const kb = hasGnuTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { text: `${seconds.toFixed(2)} s${Number.isFinite(kb) ? ` ${(kb / 1024).toFixed(0)} MB` : ''}`, code: result.status, seconds };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
  const only = process.argv.slice(3);
  const dir = mkdtempSync(join(tmpdir(), 'policy-bench-md-'));
  try {
    console.log(`policy diff on adversarial Markdown (one run per cell; wall time, peak RSS; ref = git diff --no-index --word-diff-regex=.)`);
    console.log(`${'input'.padEnd(26)} ${sizes.map((size) => `${size / 1000} KB`.padEnd(32)).join(' ')}`);
    for (const [name, make] of Object.entries(ADVERSARIAL)) {
      if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
      const cells = [];
      for (const size of sizes) {
        const body = make(size);
        const a = join(dir, 'a.md');
        const b = join(dir, 'b.md');
        writeFileSync(a, `# Policy\n\nIntro.\n\n${body}\n\n## After\n\nClosing paragraph.\n`);
        writeFileSync(b, `# Policy\n\nIntro.\n\n${body.slice(0, body.length >> 1)}x${body.slice(body.length >> 1)}\n\n## After\n\nClosing paragraph.\n`);
        const ours = run([process.execPath, bin, 'diff', a, b, '--format', 'json']);
        const reference = run(['git', 'diff', '--no-index', '--word-diff-regex=.', a, b]);
        const exit = ours.code === 0 || ours.code === 1 ? '' : ` exit ${ours.code}`;
        cells.push(`${ours.text}${exit} (ref ${reference.text.replace(/ \d+ MB$/, '')})`.padEnd(32));
      }
      console.log(`${name.padEnd(26)} ${cells.join(' ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
