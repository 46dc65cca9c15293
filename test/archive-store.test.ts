import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTempFileName, writeFileAtomic } from '../src/atomic-write.js';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { readArchiveIndex, renderArchiveIndex } from '../src/archive/index-file.js';
import { recordPublishIntent } from '../src/archive/intent.js';
import { acquireLock, isProcessAlive } from '../src/file-lock.js';
import { readReference } from '../src/archive/reference.js';
import { writeVersionFile } from '../src/archive/store.js';
import { verifyArchive } from '../src/archive/verify.js';
import { defaultConfig } from '../src/config.js';
import type { Context } from '../src/context.js';
import { PolicyError } from '../src/errors.js';
import type { ArchiveIndex, ArchivedVersion } from '../src/types.js';

const ROOT = new URL('..', import.meta.url).pathname;
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-archive-'));
  temps.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function ctxAt(cwd: string): Context {
  return {
    cwd,
    env: {},
    now: () => new Date('2026-11-29T12:00:00Z'),
    random: () => 0.5,
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: process.stdin,
  };
}

/** Writes an archive of `id` with one file per text, chained correctly; returns its index. */
function writeArchive(root: string, id: string, texts: string[]): ArchiveIndex {
  const dir = join(root, 'archive', id);
  mkdirSync(dir, { recursive: true });
  const versions: ArchivedVersion[] = [];
  texts.forEach((text, i) => {
    const version = `1.${i}`;
    writeFileSync(join(dir, `${version}.md`), text);
    const previous = versions[i - 1];
    versions.push({
      version,
      date: `2021-08-2${i}`,
      effective: `2021-08-2${i}`,
      file: `${version}.md`,
      sha256: sha256Hex(text),
      level: i === 0 ? 'initial' : 'minor',
      triggers: [],
      summary: i === 0 ? 'Initial version' : '1 change (1 minor)',
      publishedAt: `2021-08-2${i}T00:00:00.000Z`,
      previous: previous ? entryHash(previous) : null,
    });
  });
  const index: ArchiveIndex = { id, title: 'Policy', lang: 'en', versions };
  writeFileSync(join(dir, 'index.json'), renderArchiveIndex(index));
  return index;
}

describe('writeFileAtomic', () => {
  it('replaces a file, keeps its mode and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = join(dir, 'policy.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['policy.md']);
  });

  it('writes archived versions read-only, and can still replace an unlisted leftover', async () => {
    const root = tempDir();
    const archiveDir = join(root, 'archive');
    await writeVersionFile(archiveDir, 'p', '2.0.md', Buffer.from('interrupted\n'));
    await writeVersionFile(archiveDir, 'p', '2.0.md', Buffer.from('final\n'));
    expect(readFileSync(join(archiveDir, 'p/2.0.md'), 'utf8')).toBe('final\n');
    expect(statSync(join(archiveDir, 'p/2.0.md')).mode & 0o777).toBe(0o444);
    expect(readdirSync(join(archiveDir, 'p'))).toEqual(['2.0.md']);
  });

  it('names temporary files so that verify and publish recognise them', () => {
    expect(isTempFileName('.2.0.md.1234.0a1b2c3d.tmp')).toBe(true);
    expect(isTempFileName('2.0.md')).toBe(false);
  });
});

describe('verifyArchive', () => {
  it('passes the shipped archive, whose 1.0 is the seed byte for byte', async () => {
    const result = await verifyArchive(join(ROOT, 'archive'), { label: 'archive', strict: true });
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [], policies: 1, versions: 1 });
    expect(readFileSync(join(ROOT, 'archive/privacy-policy/1.0.md'))).toEqual(readFileSync(join(ROOT, 'policies/privacy-policy.md')));
    const index = await readArchiveIndex(join(ROOT, 'archive'), 'privacy-policy');
    expect(index?.versions[0]).toMatchObject({ version: '1.0', level: 'initial', previous: null, date: '2021-08-27', effective: '2021-08-27' });
    expect(index).toMatchObject({ title: '隐私政策', lang: 'zh' });
  });

  it('passes an intact archive of several versions', async () => {
    const root = tempDir();
    writeArchive(root, 'p', ['one\n', 'two\n', 'three\n']);
    expect(await verifyArchive(join(root, 'archive'), { label: 'archive' })).toMatchObject({ ok: true, policies: 1, versions: 3 });
  });

  it('names a missing file and an altered file', async () => {
    const root = tempDir();
    writeArchive(root, 'p', ['one\n', 'two\n', 'three\n']);
    rmSync(join(root, 'archive/p/1.1.md'));
    writeFileSync(join(root, 'archive/p/1.2.md'), 'three, edited\n');
    const result = await verifyArchive(join(root, 'archive'), { label: 'archive' });
    expect(result.ok).toBe(false);
    expect(result.errors.map((issue) => issue.file)).toEqual(['archive/p/1.1.md', 'archive/p/1.2.md']);
    expect(result.errors[0]?.message).toBe('missing: index.json lists it as version 1.1');
    expect(result.errors[1]?.message).toMatch(/^altered: its sha256 is [0-9a-f]{12}…, index.json records [0-9a-f]{12}… for version 1.2$/);
  });

  it('detects an altered file whose recorded hash was updated to match: the chain breaks', async () => {
    const root = tempDir();
    const index = writeArchive(root, 'p', ['one\n', 'two\n', 'three\n']);
    writeFileSync(join(root, 'archive/p/1.0.md'), 'one, rewritten\n');
    const tampered = structuredClone(index);
    (tampered.versions[0] as ArchivedVersion).sha256 = sha256Hex('one, rewritten\n');
    writeFileSync(join(root, 'archive/p/index.json'), renderArchiveIndex(tampered));
    const result = await verifyArchive(join(root, 'archive'), { label: 'archive' });
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'archive/p/index.json' });
    expect(result.errors[0]?.message).toMatch(/^chain broken at version 1\.1: "previous" is /);
  });

  it('reports leftovers of interrupted publishes as warnings (errors with strict), and any other unlisted file as an error', async () => {
    const root = tempDir();
    writeArchive(root, 'p', ['one\n']);
    writeFileSync(join(root, 'archive/p/1.1.md'), 'leftover\n');
    writeFileSync(join(root, 'archive/p/.1.1.md.999.0a1b2c3d.tmp'), 'partial');
    mkdirSync(join(root, 'archive/q'));
    writeFileSync(join(root, 'archive/q/1.0.md'), 'first publish interrupted\n');
    writeFileSync(join(root, 'archive/q/1.1.md'), 'slipped in\n');
    const intentsDir = join(root, '.policy/publish-intents');
    await recordPublishIntent(intentsDir, { id: 'p', version: '1.1', files: [{ file: '1.1.md', sha256: sha256Hex('leftover\n') }] });
    await recordPublishIntent(intentsDir, { id: 'q', version: '1.0', files: [{ file: '1.0.md', sha256: sha256Hex('first publish interrupted\n') }] });
    // An intent for other bytes excuses nothing.
    await recordPublishIntent(intentsDir, { id: 'q', version: '1.1', files: [{ file: '1.1.md', sha256: sha256Hex('what publish meant to write\n') }] });
    const lenient = await verifyArchive(join(root, 'archive'), { label: 'archive', intentsDir });
    expect(lenient.ok).toBe(false);
    expect(lenient.warnings.map((issue) => issue.file)).toEqual(['archive/p/.1.1.md.999.0a1b2c3d.tmp', 'archive/p/1.1.md', 'archive/q/1.0.md']);
    expect(lenient.warnings[0]?.message).toMatch(/temporary file/);
    expect(lenient.warnings[1]?.message).toMatch(/^not listed in index\.json yet: left by an interrupted publish/);
    expect(lenient.errors).toEqual([{ file: 'archive/q/1.1.md', message: expect.stringMatching(/no interrupted publish recorded these bytes/) }]);
    const strict = await verifyArchive(join(root, 'archive'), { label: 'archive', strict: true, intentsDir });
    expect(strict.errors).toHaveLength(4);
    // Without the intents, every unlisted file but the temporary one is an error.
    const bare = await verifyArchive(join(root, 'archive'), { label: 'archive' });
    expect(bare.errors.map((issue) => issue.file)).toEqual(['archive/p/1.1.md', 'archive/q/1.0.md', 'archive/q/1.1.md']);
  });

  it('reports an index that is not valid JSON, or whose id is not its folder', async () => {
    const root = tempDir();
    writeArchive(root, 'p', ['one\n']);
    writeArchive(root, 'q', ['one\n']);
    writeFileSync(join(root, 'archive/p/index.json'), '{"id": "p",');
    const index = JSON.parse(readFileSync(join(root, 'archive/q/index.json'), 'utf8'));
    writeFileSync(join(root, 'archive/q/index.json'), JSON.stringify({ ...index, id: 'other' }));
    const result = await verifyArchive(join(root, 'archive'), { label: 'archive' });
    expect(result.errors.map((issue) => issue.file)).toEqual(['archive/p/index.json', 'archive/q/index.json']);
    expect(result.errors[0]?.message).toMatch(/^invalid JSON: /);
    expect(result.errors[1]?.message).toBe('"id" is "other", expected "q" (the folder\'s name)');
  });

  it('treats a missing archive folder as an empty archive', async () => {
    expect(await verifyArchive(join(tempDir(), 'archive'))).toMatchObject({ ok: true, policies: 0 });
  });
});

describe('readReference', () => {
  it('reads the bytes of a version by number, date or latest', async () => {
    const root = tempDir();
    writeArchive(root, 'p', ['one\n', 'two\n']);
    const config = defaultConfig();
    const latest = await readReference('p@latest', ctxAt(root), config);
    expect(latest).toMatchObject({ path: 'archive/p/1.1.md', label: 'p@1.1' });
    expect(latest.bytes.toString()).toBe('two\n');
    expect((await readReference('p@2021-08-20', ctxAt(root), config)).bytes.toString()).toBe('one\n');
  });

  it('refuses an altered file and an unknown policy', async () => {
    const root = tempDir();
    writeArchive(root, 'p', ['one\n']);
    writeFileSync(join(root, 'archive/p/1.0.md'), 'edited\n');
    await expect(readReference('p@1.0', ctxAt(root), defaultConfig())).rejects.toMatchObject({ code: 'ARCHIVE_INVALID' });
    await expect(readReference('nope@1.0', ctxAt(root), defaultConfig())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('publish lock', () => {
  it('is exclusive while held and free after release', async () => {
    const lockPath = join(tempDir(), '.policy', 'publish.lock');
    const lock = await acquireLock(lockPath, { waitMs: 0 });
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    const second = acquireLock(lockPath, { waitMs: 0 });
    await expect(second).rejects.toBeInstanceOf(PolicyError);
    await expect(second).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringContaining(`another publish is running (pid ${process.pid}`) });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
    const again = await acquireLock(lockPath, { waitMs: 0 });
    await again.release();
  });

  it('waits for a live holder that lets go', async () => {
    const lockPath = join(tempDir(), 'publish.lock');
    const first = await acquireLock(lockPath, { waitMs: 0 });
    let waitedFor: number | null = null;
    const second = acquireLock(lockPath, { waitMs: 60_000, pollMs: 10, onWait: (holder) => (waitedFor = holder.pid) });
    setTimeout(() => void first.release(), 50);
    const lock = await second;
    expect(waitedFor).toBe(process.pid);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).token).toBe(lock.holder.token);
    await lock.release();
  });

  it('breaks a stale lock left by a process that is gone', async () => {
    const lockPath = join(tempDir(), 'publish.lock');
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    expect(isProcessAlive(pid)).toBe(false);
    const { hostname } = await import('node:os');
    writeFileSync(lockPath, JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'dead' }));
    const lock = await acquireLock(lockPath, { waitMs: 0 });
    expect(lock.holder.pid).toBe(process.pid);
    expect(readdirSync(join(lockPath, '..'))).toEqual(['publish.lock']);
    await lock.release();
  });

  it('refuses a lock file it did not write, saying how to recover', async () => {
    const lockPath = join(tempDir(), 'publish.lock');
    writeFileSync(lockPath, 'garbage');
    await expect(acquireLock(lockPath, { waitMs: 0, label: '.policy/publish.lock' })).rejects.toMatchObject({
      code: 'LOCKED',
      message: '.policy/publish.lock: lock file is not one this tool wrote; if no publish is running, delete it and try again',
    });
  });
});
