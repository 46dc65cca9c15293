/**
 * `policy check --base <ref>` keeps the archive append-only: in real git
 * repositories, a base commit with 1.0 and 2.0 archived, then a branch that
 * appends (fine) or rewrites (fails, naming file and line).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { renderArchiveIndex } from '../src/archive/index-file.js';
import { findHistoryRewrites } from '../src/check/append-only.js';
import type { ArchiveIndex } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, minorEdit, useTempRepos, type TempRepo } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const repo = useTempRepos();

function git(made: TempRepo, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Policy Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: made.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** main: the seed with 1.0 and 2.0 archived (the state folder ignored, as in a real project); a `pr` branch checked out. */
async function baseWithTwoVersions(): Promise<TempRepo> {
  const made = repo();
  made.write('.gitignore', '.policy/\n');
  git(made, 'init', '-q');
  made.write(POLICY, majorEdit());
  const published = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
  expect(published.code, published.stderr).toBe(0);
  git(made, 'add', '-A');
  git(made, 'commit', '-q', '-m', 'publish 2.0');
  git(made, 'checkout', '-q', '-b', 'pr');
  return made;
}

const readIndex = (made: TempRepo) => JSON.parse(made.read(INDEX)) as ArchiveIndex;
const writeIndex = (made: TempRepo, index: ArchiveIndex) => made.write(INDEX, renderArchiveIndex(index));
const check = (made: TempRepo) => runPolicy(['check', '--base', 'main'], { cwd: made.root });
/** The 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('policy check --base: the archive is append-only', () => {
  it('passes a branch that appends a version', async () => {
    const made = await baseWithTwoVersions();
    made.write(POLICY, minorEdit(made.read(POLICY), '2026-11-30'));
    const published = await runPolicy(['publish', '--yes', '--no-notify', '--date', '2026-11-30'], { cwd: made.root, now: new Date('2026-11-30T12:00:00Z') });
    expect(published.code, published.stderr).toBe(0);
    expect(readIndex(made).versions.map((v) => v.version)).toEqual(['1.0', '2.0', '2.1']);
    const result = await check(made);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('fails when the newest entry was removed, naming index.json and the line', async () => {
    const made = await baseWithTwoVersions();
    const index = readIndex(made);
    index.versions.pop();
    writeIndex(made, index);
    rmSync(`${made.root}/archive/privacy-policy/2.0.md`, { force: true });
    const result = await runPolicy(['check', '--base', 'main', '--format', 'json'], { cwd: made.root });
    expect(result.code).toBe(1);
    const failures = (JSON.parse(result.stdout) as { failures: { file: string; line: number; message: string }[] }).failures;
    expect(failures).toContainEqual({ file: 'archive/privacy-policy/2.0.md', line: 1, message: 'removed, but main has it; the archive may only grow' });
    const removal = failures.find((failure) => failure.file === INDEX);
    expect(removal?.message).toMatch(/^version 2\.0 \(line \d+ in main\) was removed; the archive may only grow/);
    expect(removal?.line).toBe(lineOf(made.read(INDEX), '"version": "1.0"'));
  });

  it('fails when the newest entry was edited, which verify alone cannot see', async () => {
    const made = await baseWithTwoVersions();
    const index = readIndex(made);
    index.versions[1]!.summary = 'Nothing important changed';
    index.versions[1]!.effective = '2027-01-01';
    writeIndex(made, index);
    expect((await runPolicy(['verify', '--strict'], { cwd: made.root })).code).toBe(0);
    const result = await check(made);
    expect(result.code).toBe(1);
    const line = lineOf(made.read(INDEX), '"version": "2.0"');
    expect(result.stdout).toContain(`${INDEX}:${line}`);
    expect(result.stdout).toContain('version 2.0 differs from main (effective, summary); archived entries are never edited, only appended to');
  });

  it('fails when an archived file was altered and its entry rehashed to match', async () => {
    const made = await baseWithTwoVersions();
    const forged = `${made.read('archive/privacy-policy/2.0.md')}\nOne more sentence.\n`;
    made.write('archive/privacy-policy/2.0.md', forged);
    const index = readIndex(made);
    index.versions[1]!.sha256 = sha256Hex(forged);
    writeIndex(made, index);
    const result = await runPolicy(['check', '--base', 'main', '--format', 'github'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error file=archive/privacy-policy/2.0.md,line=1,title=Archive history rewritten::altered since main; archived files are never edited');
    expect(result.stdout).toMatch(/::error file=archive\/privacy-policy\/index\.json,line=\d+,title=Archive history rewritten::version 2\.0 differs from main \(sha256\)/);
  });
});

describe('findHistoryRewrites', () => {
  const entry = (version: string, previous: string | null) => ({ version, file: `${version}.md`, summary: 's', previous });
  const text = (versions: object[]) => Buffer.from(`${JSON.stringify({ id: 'p', versions }, null, 2)}\n`);

  it('accepts identical and appended files, whatever their formatting', () => {
    const one = entry('1.0', null);
    const two = entry('1.1', entryHash(one));
    const base = text([one]);
    expect(findHistoryRewrites([{ path: 'archive/p/index.json', base, head: text([one, two]) }], 'main')).toEqual([]);
    expect(findHistoryRewrites([{ path: 'archive/p/index.json', base, head: Buffer.from(JSON.stringify({ id: 'p', versions: [one] })) }], 'main')).toEqual([]);
    expect(findHistoryRewrites([{ path: 'archive/p/1.0.md', base: Buffer.from('a'), head: Buffer.from('a') }], 'main')).toEqual([]);
  });

  it('reports an entry replaced at its place, an unreadable index and a removed file', () => {
    const one = entry('1.0', null);
    const base = text([one, entry('1.1', 'x')]);
    const problems = findHistoryRewrites(
      [
        { path: 'archive/p/index.json', base, head: text([one, entry('1.2', 'x')]) },
        { path: 'archive/q/index.json', base, head: Buffer.from('{') },
        { path: 'archive/q/1.0.md', base: Buffer.from('a'), head: null },
      ],
      'main',
    );
    expect(problems.map((problem) => [problem.file, problem.line, problem.message.split(';')[0]])).toEqual([
      ['archive/p/index.json', 11, 'version 1.1 differs from main (file, version)'],
      ['archive/q/index.json', 1, 'no longer a readable index, but main lists 2 archived versions in it'],
      ['archive/q/1.0.md', 1, 'removed, but main has it'],
    ]);
  });
});
