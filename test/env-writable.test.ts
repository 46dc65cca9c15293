/**
 * A publish in an environment that refuses writes: an immutable or read-only
 * folder, a full disk, a path blocked by a file. Each ends with exit 4 and one
 * line naming the path, before anything is written: the policy file keeps its
 * bytes, the archive is as before, and no temporary or lock file is left.
 * Root ignores permission bits, so the refusals here bind root too: `chattr +i`
 * and tiny tmpfs mounts (each test skips where the sandbox does not allow it).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, type TempRepo, useTempRepos } from './archive-helpers.js';
import { makeNoticeRepo } from './helpers/notify-repo.js';
import { Ledger } from '../src/notify/ledger.js';

const POLICY = 'policies/privacy-policy.md';
const repo = useTempRepos();
const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

const isRoot = process.getuid?.() === 0;

function run(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** Makes a folder refuse new entries, for root as well (chattr +i), or by its mode for anyone else. */
function makeUnwritable(path: string): boolean {
  if (!isRoot) {
    chmodSync(path, 0o555);
    undo.push(() => chmodSync(path, 0o755));
    return true;
  }
  if (!run('chattr', ['+i', path])) return false;
  undo.push(() => run('chattr', ['-i', path]));
  return true;
}

/** Mounts a tmpfs of `kb` KiB over `path` (keeping its files); false where mounting is not allowed. */
function mountTiny(path: string, kb: number, options: { readOnly?: boolean; freeKb?: number } = {}): boolean {
  if (!isRoot) return false;
  const saved = `${path}.saved`;
  if (!run('cp', ['-a', path, saved])) return false;
  if (!run('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', path])) return false;
  undo.push(() => run('umount', [path]));
  run('cp', ['-a', `${saved}/.`, path]);
  run('rm', ['-rf', saved]);
  if (options.readOnly && !run('mount', ['-o', 'remount,ro', path])) return false;
  if (options.freeKb !== undefined) {
    // Shrink the file system to what its files use plus `freeKb`: a disk nearly full, with no file to fill it.
    const stats = statfsSync(path);
    const usedKb = Math.ceil(((stats.blocks - stats.bfree) * stats.bsize) / 1024);
    if (!run('mount', ['-o', `remount,size=${usedKb + options.freeKb}k`, path])) return false;
  }
  return true;
}

/** Every file left anywhere in the repository whose name marks it as temporary or a lock. */
function leftovers(made: TempRepo): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tmp$|\.lock$|\.stale\./.test(name)) found.push(path);
    }
  };
  walk(made.root);
  return found;
}

async function expectRefused(made: TempRepo, names: string) {
  const before = made.snapshot();
  const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(4);
  const lines = result.stderr.trim().split('\n').filter((line) => line.startsWith('policy: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(names);
  expect(made.snapshot()).toEqual(before);
  expect(leftovers(made)).toEqual([]);
  return lines[0] ?? '';
}

describe('publish refuses an environment it cannot write, with exit 4 and nothing changed', () => {
  it('an immutable archive folder', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    if (!makeUnwritable(join(made.root, 'archive/privacy-policy'))) return t.skip();
    const line = await expectRefused(made, 'archive/privacy-policy');
    expect(line).toMatch(/EPERM|EACCES/);
  });

  it('an immutable policies folder', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    if (!makeUnwritable(join(made.root, 'policies'))) return t.skip();
    await expectRefused(made, 'policies');
  });

  it('an immutable .policy folder (where the lock goes)', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    mkdirSync(join(made.root, '.policy'));
    if (!makeUnwritable(join(made.root, '.policy'))) return t.skip();
    await expectRefused(made, '.policy');
  });

  it('a first publish whose archive folder would go under a file', async () => {
    const made = repo({ archive: false });
    writeFileSync(join(made.root, 'policy.config.json'), JSON.stringify({ archive: 'blocked/archive' }));
    writeFileSync(join(made.root, 'blocked'), 'a file where a folder should be\n');
    const line = await expectRefused(made, 'blocked');
    expect(line).toContain('ENOTDIR');
  });

  it('a read-only file system under archive/', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    if (!mountTiny(join(made.root, 'archive'), 1024, { readOnly: true })) return t.skip();
    const line = await expectRefused(made, 'archive/privacy-policy');
    expect(line).toContain('EROFS');
  });

  it('a full disk under .policy/: the lock cannot be written, and no temporary lock file is left', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    mkdirSync(join(made.root, '.policy'));
    if (!mountTiny(join(made.root, '.policy'), 64)) return t.skip();
    spawnSync('dd', ['if=/dev/zero', `of=${join(made.root, '.policy', 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    const line = await expectRefused(made, '.policy');
    expect(line).toContain('ENOSPC');
  });

  it('a full disk under archive/', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    // Room for less than the new version's bytes.
    if (!mountTiny(join(made.root, 'archive'), 256, { freeKb: 4 })) return t.skip();
    const before = made.snapshot();
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('ENOSPC');
    expect(result.stderr).toContain('archive/privacy-policy');
    expect(made.snapshot()).toEqual(before);
    expect(leftovers(made)).toEqual([]);
  });
});

describe('notify refuses an environment it cannot write, with exit 4', () => {
  const notifyRepo = (recipients: number) => {
    const dir = makeNoticeRepo({ lang: 'en', version: '2.0', config: { notify: { major: Array.from({ length: recipients }, (_, i) => `r${i}@example.com`) } } });
    undo.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('an immutable ledger folder: refused before the first message', async (t) => {
    const dir = notifyRepo(3);
    mkdirSync(join(dir, '.policy'));
    if (!makeUnwritable(join(dir, '.policy'))) return t.skip();
    const result = await runPolicy(['notify', 'privacy-policy@2.0'], { cwd: dir });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toMatch(/^policy: \.policy: .*\((EPERM|EACCES)\); nothing was written$/);
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
  });

  it('an immutable outbox folder: refused before the first message', async (t) => {
    const dir = notifyRepo(3);
    mkdirSync(join(dir, 'outbox'));
    if (!makeUnwritable(join(dir, 'outbox'))) return t.skip();
    const result = await runPolicy(['notify', 'privacy-policy@2.0'], { cwd: dir });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('policy: outbox/privacy-policy/2.0:');
  });

  it('a ledger whose disk fills up mid-run: exit 4 naming the ledger, and what was sent stays recorded', async (t) => {
    const dir = notifyRepo(400);
    mkdirSync(join(dir, '.policy'));
    if (!mountTiny(join(dir, '.policy'), 1280)) return t.skip();
    const result = await runPolicy(['notify', 'privacy-policy@2.0'], { cwd: dir });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/policy: \.policy\/ledger\.sqlite: the delivery ledger cannot be written \(SQLITE_FULL/);
    const files = readdirSync(join(dir, 'outbox/privacy-policy/2.0'));
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const ledger = Ledger.openReadOnly(join(dir, '.policy'))!;
    const counts = ledger.statusCounts({ policy: 'privacy-policy', version: '2.0', channel: 'outbox' });
    ledger.close();
    expect(counts.sent).toBeGreaterThan(0);
    expect(files.filter((name) => name.endsWith('.eml')).length).toBeGreaterThanOrEqual(counts.sent);
  });
});

describe('an outbox whose disk fills up mid-run', () => {
  it('exit 4 naming the .eml file, only whole messages in the outbox, and --resume writes the rest once there is room', async (t) => {
    const dir = makeNoticeRepo({ lang: 'en', version: '2.0', config: { notify: { major: Array.from({ length: 400 }, (_, i) => `r${i}@example.com`) } } });
    undo.push(() => rmSync(dir, { recursive: true, force: true }));
    const outbox = join(dir, 'outbox');
    mkdirSync(outbox);
    // Room for the check before the first message (a 256 KiB probe), not for 400 messages.
    if (!mountTiny(outbox, 640)) return t.skip();
    const result = await runPolicy(['notify', 'privacy-policy@2.0'], { cwd: dir });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code, result.stderr).toBe(4);
    const line = result.stderr.split('\n').find((text) => text.startsWith('policy: ')) ?? '';
    expect(line).toMatch(/^policy: outbox\/privacy-policy\/2\.0\/[0-9a-f]{32}\.eml: no space left on the device \(ENOSPC\); that message was not written; the messages written so far are recorded; once it can be written: policy notify privacy-policy@2\.0 --resume$/);
    const folder = join(outbox, 'privacy-policy/2.0');
    const names = readdirSync(folder);
    expect(names.filter((name) => !/^[0-9a-f]{32}\.eml$/.test(name))).toEqual([]);
    // Every message in the outbox is whole: its MIME parts end with the closing boundary.
    for (const name of names) expect(readFileSync(join(folder, name), 'utf8'), name).toMatch(/--_policy-notice-[0-9a-f]+--\r\n$/);
    const ledger = Ledger.openReadOnly(join(dir, '.policy'))!;
    const counts = ledger.statusCounts({ policy: 'privacy-policy', version: '2.0', channel: 'outbox' });
    ledger.close();
    expect(counts.sent).toBe(names.length);
    expect(counts.sent).toBeGreaterThan(0);
    expect(counts.failed).toBe(0);

    if (!run('mount', ['-o', 'remount,size=16m', outbox])) return;
    const resumed = await runPolicy(['notify', 'privacy-policy@2.0', '--resume'], { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readdirSync(folder).filter((name) => name.endsWith('.eml'))).toHaveLength(400);
  });
});

describe('publish whose outbox fills up while it sends the notices', () => {
  it('the version stays archived, exit 4 naming the .eml file; the next publish writes the rest', async (t) => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)));
    made.write('policy.config.json', JSON.stringify({ notify: { from: 'Legal <legal@example.com>', major: Array.from({ length: 400 }, (_, i) => `r${i}@example.com`) } }));
    const outbox = join(made.root, 'outbox');
    mkdirSync(outbox);
    if (!mountTiny(outbox, 640)) return t.skip();
    const result = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toMatch(/^policy: privacy-policy@2\.0 is archived, but its notices were not sent: outbox\/privacy-policy\/2\.0\/[0-9a-f]{32}\.eml: no space left on the device \(ENOSPC\)/m);
    expect(made.read('archive/privacy-policy/index.json')).toContain('"version": "2.0"');
    const folder = join(outbox, 'privacy-policy/2.0');
    expect(readdirSync(folder).filter((name) => !/^[0-9a-f]{32}\.eml$/.test(name))).toEqual([]);

    if (!run('mount', ['-o', 'remount,size=16m', outbox])) return;
    const again = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(folder).filter((name) => name.endsWith('.eml'))).toHaveLength(400);
  });
});

describe('any command that meets an unwritable path', () => {
  it('policy site into an immutable folder: exit 4 naming the path, not an internal error', async (t) => {
    const made = repo();
    mkdirSync(join(made.root, 'site'));
    if (!makeUnwritable(join(made.root, 'site'))) return t.skip();
    const result = await runPolicy(['site'], { cwd: made.root });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toMatch(/^policy: site(\/[^:]*)?: .*\((EPERM|EACCES)\)$/);
  });
});
