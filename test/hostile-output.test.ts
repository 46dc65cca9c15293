/**
 * Output that cannot be turned against its reader: policy text (a title, a
 * heading, a changed paragraph) never starts a line of output — where GitHub
 * Actions would read it as a workflow command — and never carries a control
 * character (ANSI colours, OSC-8 links) into a terminal or an annotation, in
 * every report format.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLine } from '../src/describe-revision.js';
import { escapeData, escapeProperty } from '../src/cli/report/github.js';
import { runPolicy } from './helpers/cli.js';
import { readFixture } from './helpers/policies.js';

const seed = readFixture('policies/privacy-policy.zh.md');
const POLICY = 'policies/privacy-policy.md';
/** A workflow command, an ANSI colour, an OSC-8 hyperlink and a bidi override, each as YAML escapes. */
const HOSTILE_YAML = '"Privacy\\n::error title=pwned::injected\\r\\n\\e[31mred\\e[0m \\e]8;;https://evil.example\\aclick\\e]8;;\\a \\u202Egnp.exe"';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-output-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
  const write = (text: string) => {
    mkdirSync(dirname(join(dir, POLICY)), { recursive: true });
    writeFileSync(join(dir, POLICY), text);
  };
  git('init', '-q');
  write(seed);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'pr');
  const hostile = seed
    .replace('title: 隐私政策\n', `title: ${HOSTILE_YAML}\n`)
    .replace('## 1. 我们收集的个人信息', '## 1. 我们收集的个人信息 \u001b[31m红\u001b[0m \u001b]8;;https://evil.example\u0007链接\u001b]8;;\u0007')
    .replace('[legal@pingcap.com](mailto:legal@pingcap.com)。我们将', '[privacy@pingcap.com](mailto:privacy@pingcap.com)。\u001b[2J我们将');
  write(hostile);
  writeFileSync(join(dir, 'old.md'), seed);
  writeFileSync(join(dir, 'new.md'), hostile);
  git('add', '-A');
  git('commit', '-q', '-m', 'hostile');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectHarmless(stdout: string): void {
  expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  for (const line of stdout.split('\n')) {
    // Only the tool's own annotations start with ::, and policy text never starts one.
    if (line.startsWith('::')) expect(line).toMatch(/^::(?:error|warning|notice) (?:file|title)=/);
    expect(line).not.toMatch(/^\s*::error title=pwned/);
  }
}

describe('reports of a hostile policy', () => {
  it.each(['text', 'markdown', 'json'])('policy diff --format %s keeps policy text on its line, without control characters', async (format) => {
    const result = await runPolicy(['diff', 'old.md', 'new.md', '--format', format], { cwd: dir });
    expect(result.code).toBe(0);
    expectHarmless(result.stdout);
    expect(result.stdout).toContain('pwned');
    if (format === 'json') expect(JSON.parse(result.stdout).policy.title).toContain('\n::error title=pwned');
    else expect(result.stdout).toMatch(/Privacy ::error title=pwned::injected/);
  });

  it.each(['text', 'markdown', 'json', 'github'])('policy check --format %s keeps policy text on its line, without control characters', async (format) => {
    const result = await runPolicy(['check', '--base', 'main', '--format', format], { cwd: dir, now: new Date('2026-11-29T12:00:00Z') });
    expect(result.stdout).toContain(format === 'github' ? '::' : 'privacy-policy');
    expectHarmless(result.stdout);
  });
});

describe('escaping helpers', () => {
  it('shows line breaks as spaces and control characters as visible escapes', () => {
    expect(oneLine('a\nb\r\nc\u2028d\te')).toBe('a b c d e');
    expect(oneLine('\u001b[31mred')).toBe('\\u{1b}[31mred');
    expect(oneLine('\u202egnp')).toBe('\\u{202e}gnp');
  });

  it('escapes workflow-command data and properties as GitHub specifies', () => {
    expect(escapeData('50%\r\nnext\u001b[2J')).toBe('50%25%0D%0Anext\\u{1b}[2J');
    expect(escapeData('one\ntwo')).toBe('one%0Atwo');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
