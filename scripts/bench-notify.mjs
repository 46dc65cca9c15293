#!/usr/bin/env node
// `policy notify` performance (issue 4):
//  1. 10,000 notices through the SMTP transport (POLICY_SMTP_URL, default settings: 5 pooled
//     connections, no rate limit) to a local sink server running in ANOTHER process. Figure:
//     messages per second over the wall time of the whole `policy notify` process (start-up,
//     archive, classification, validation pass, sending, ledger), and its peak memory.
//     Target: at least 500 messages/s on a 2-core machine.
//  2. A 1,000,000-line recipients file (plain text, then CSV) through `--dry-run`: wall time and
//     peak memory. Target: under 200 MB.
// The reference for (1) is the sink's floor: the same 10,000 messages (one pre-built raw
// message) pushed by a bare nodemailer pool with the same settings, in this process.
// Prints figures; asserts nothing.
//
//   npm run build && node scripts/bench-notify.mjs
//   node scripts/bench-notify.mjs --sink     (internal: the sink server process)
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson, sha256 } from './bench-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = process.env.POLICY_BIN ?? join(root, 'bin', 'policy.js');
const NOTICES = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 10_000);
const LINES = Number(process.env.BENCH_NOTIFY_LINES ?? 1_000_000);
const ID = 'privacy-policy';
const hasGnuTime = existsSync('/usr/bin/time');
// BENCH_NOTIFY_ONLY=smtp or =dry-run runs one half.
const ONLY = process.env.BENCH_NOTIFY_ONLY ?? '';

// ── the sink: an SMTP server that accepts and counts everything ─────────────────────────────
async function runSink() {
  const { SMTPServer } = await import('smtp-server');
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback(null, 'queued');
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
  });
  // The parent asks for the count by closing our stdin.
  process.stdin.on('data', () => undefined);
  process.stdin.on('end', () => {
    process.stdout.write(`${JSON.stringify({ received, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    process.exit(0);
  });
}

function startSink() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--sink'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = '';
    const lines = [];
    let waiting = null;
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let at;
      while ((at = buffer.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buffer.slice(0, at)));
        buffer = buffer.slice(at + 1);
        if (waiting) waiting();
      }
    });
    const next = () =>
      new Promise((done) => {
        if (lines.length) return done(lines.shift());
        waiting = () => {
          waiting = null;
          done(lines.shift());
        };
      });
    child.once('error', reject);
    next().then(({ port }) =>
      resolve({
        port,
        async stop() {
          child.stdin.end();
          return next();
        },
      }),
    );
  });
}

// ── a policy repository with two archived versions ──────────────────────────────────────────
function makeRepo(dir, recipients) {
  const archive = join(dir, 'archive', ID);
  mkdirSync(archive, { recursive: true });
  const v1 = readFileSync(join(root, 'test/fixtures/notify/zh/1.0.md'));
  const v2 = readFileSync(join(root, 'test/fixtures/notify/zh/2.0.md'));
  writeFileSync(join(archive, '1.0.md'), v1);
  writeFileSync(join(archive, '2.0.md'), v2);
  const first = {
    version: '1.0', date: '2021-08-27', effective: '2021-08-27', file: '1.0.md', sha256: sha256(v1), level: 'initial',
    triggers: [], summary: 'Initial version', publishedAt: '2021-08-27T00:00:00.000Z', previous: null,
  };
  const second = {
    version: '2.0', date: '2026-12-01', effective: '2026-12-31', file: '2.0.md', sha256: sha256(v2), level: 'major',
    triggers: [1, 5], summary: 'bench', publishedAt: '2026-12-01T00:00:00.000Z', previous: sha256(canonicalJson(first)),
  };
  writeFileSync(join(archive, 'index.json'), `${JSON.stringify({ id: ID, title: '隐私政策', lang: 'zh', versions: [first, second] }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'policy.config.json'),
    JSON.stringify({
      siteUrl: 'https://policies.example.com',
      notify: { from: 'Legal <legal@example.com>', major: recipients, unsubscribeUrl: 'https://example.com/unsubscribe' },
    }),
  );
}

async function writeLines(path, count, line, header) {
  const out = createWriteStream(path);
  if (header) out.write(`${header}\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

/** Runs the CLI (asynchronously: the sink lives in another process) and returns wall seconds and peak RSS. */
function runPolicy(args, cwd, env) {
  return new Promise((resolve, reject) => {
    const command = hasGnuTime ? '/usr/bin/time' : process.execPath;
    const argv = hasGnuTime ? ['-f', '__maxrss_kb=%M', process.execPath, bin, ...args] : [bin, ...args];
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const match = /__maxrss_kb=(\d+)/.exec(stderr);
      resolve({ code, seconds, mb: match ? Number(match[1]) / 1024 : null, stdout, stderr: stderr.replace(/__maxrss_kb=\d+\n?/, '') });
    });
  });
}

/** The floor: the same number of messages through a bare nodemailer pool, one raw message reused. */
async function floor(port) {
  const nodemailer = (await import('nodemailer')).default;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, pool: true, maxConnections: 5, maxMessages: Infinity, ignoreTLS: true });
  const raw = Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n\r\n' + 'body line\r\n'.repeat(300));
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < NOTICES) {
      const i = next++;
      await transport.sendMail({ envelope: { from: 'a@example.com', to: [`user${i}@example.com`] }, raw });
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  transport.close();
  return seconds;
}

const fmtMb = (mb) => (mb === null ? 'n/a (no /usr/bin/time)' : `${mb.toFixed(0)} MB`);

async function main() {
  if (!existsSync(join(root, 'dist', 'cli.js')) && !process.env.POLICY_BIN) {
    console.error('bench-notify: build first (npm run build)');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'policy-bench-notify-'));
  try {
    console.log(`policy notify — ${NOTICES.toLocaleString('en-US')} notices via SMTP to a sink in another process; ${LINES.toLocaleString('en-US')}-line recipients file through --dry-run`);

    await writeLines(join(dir, 'subscribers.csv'), NOTICES, (i) => `user${i}@example.com,User ${i}`, 'email,name');
    makeRepo(dir, 'subscribers.csv');
    if (ONLY !== 'dry-run') await benchSmtp(dir);
    if (ONLY !== 'smtp') await benchDryRun(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 1. Throughput through SMTP. */
async function benchSmtp(dir) {
  const sink = await startSink();
  let run;
  let sinkReport;
  try {
    run = await runPolicy(['notify', `${ID}@2.0`], dir, { POLICY_SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
  } finally {
    sinkReport = await sink.stop();
  }
  if (run.code !== 0) throw new Error(`policy notify exited ${run.code}: ${run.stderr}`);
  const rate = NOTICES / run.seconds;
  console.log(
    `SMTP, ${NOTICES} notices (whole process)   ${run.seconds.toFixed(2)} s   ${rate.toFixed(0)} messages/s   peak ${fmtMb(run.mb)}   ` +
      `sink received ${sinkReport.received}   target ≥ 500 messages/s: ${rate >= 500 ? 'met' : 'NOT met'}`,
  );

  const floorSink = await startSink();
  let floorSeconds;
  try {
    floorSeconds = await floor(floorSink.port);
  } finally {
    await floorSink.stop();
  }
  console.log(`reference: bare nodemailer pool, same sink  ${floorSeconds.toFixed(2)} s   ${(NOTICES / floorSeconds).toFixed(0)} messages/s (one pre-built raw message, no ledger, no per-recipient headers)`);
}

/** 2. A huge recipients file through --dry-run. */
async function benchDryRun(dir) {
  for (const [name, header, line] of [
    ['big.txt', null, (i) => `user${i}@example${i % 1000}.com`],
    ['big.csv', 'email,name', (i) => `user${i}@example${i % 1000}.com,User ${i}`],
  ]) {
    await writeLines(join(dir, name), LINES, line, header);
    const dry = await runPolicy(['notify', `${ID}@2.0`, '--dry-run', '--to', name], dir, {});
    if (dry.code !== 0) throw new Error(`policy notify --dry-run exited ${dry.code}: ${dry.stderr}`);
    const counted = /recipients: ([\d,]+) distinct valid/.exec(dry.stdout)?.[1] ?? '?';
    console.log(
      `--dry-run, ${LINES.toLocaleString('en-US')} lines (${name.endsWith('.csv') ? 'CSV' : 'text'})`.padEnd(41) +
        `${dry.seconds.toFixed(2)} s   peak ${fmtMb(dry.mb)}   counted ${counted}   target < 200 MB: ${dry.mb === null ? '?' : dry.mb < 200 ? 'met' : 'NOT met'}`,
    );
    rmSync(join(dir, name), { force: true });
  }
}

if (process.argv.includes('--sink')) await runSink();
else await main();
