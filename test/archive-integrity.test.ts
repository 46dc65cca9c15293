/**
 * An archive that cannot be quietly rewritten: files no entry lists, publish
 * refusing to overwrite them, commands that refuse an archive failing verify,
 * and symbolic links that would carry writes out of the repository.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beginArchiveWrite } from '../src/archive/intent.js';
import { sha256Hex } from '../src/hash.js';
import type { ArchiveIndex } from '../src/types.js';
import { runPolicy } from './helpers/cli.js';
import { majorEdit, minorEdit, useTempRepos, type TempRepo } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const INDEX = 'archive/privacy-policy/index.json';
const repo = useTempRepos();
const outsiders: string[] = [];
afterEach(() => {
  for (const dir of outsiders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function outsideDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-outside-'));
  outsiders.push(dir);
  return dir;
}

const publish = (made: TempRepo, ...argv: string[]) => runPolicy(['publish', '--yes', '--no-notify', ...argv], { cwd: made.root });

/** A repository whose archive holds 1.0 and a published 2.0. */
async function withTwoVersions(): Promise<TempRepo> {
  const made = repo();
  made.write(POLICY, majorEdit());
  const result = await publish(made);
  expect(result.code, result.stderr).toBe(0);
  return made;
}

function dropNewestEntry(made: TempRepo): void {
  const index = JSON.parse(made.read(INDEX)) as ArchiveIndex;
  index.versions.pop();
  made.write(INDEX, `${JSON.stringify(index, null, 2)}\n`);
}

describe('a version file that index.json does not list', () => {
  it('fails verify when the newest entry was removed, and the next publish refuses to overwrite the file', async () => {
    const made = await withTwoVersions();
    dropNewestEntry(made);
    const verify = await runPolicy(['verify'], { cwd: made.root });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('error: archive/privacy-policy/2.0.md: index.json does not list it, and no interrupted publish recorded these bytes');
    expect(verify.stdout).toContain('error: archive/privacy-policy/2.0.revision.json: index.json does not list it, and no interrupted publish recorded these bytes');

    const check = await runPolicy(['check'], { cwd: made.root });
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain('archive/privacy-policy/2.0.md:1: index.json does not list it');

    const before = made.snapshot();
    made.write(POLICY, minorEdit(majorEdit(), '2026-11-30'));
    const again = await publish(made);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^policy: archive\/privacy-policy\/2\.0\.md: index\.json does not list it.*so nothing was published\n$/);
    expect(made.readBytes('archive/privacy-policy/2.0.md').toString('base64')).toBe(before['archive/privacy-policy/2.0.md']);
  });

  it('is a warning when an interrupted publish recorded it, and the next publish completes that version', async () => {
    const made = repo();
    const text = majorEdit();
    made.write(POLICY, text);
    // What a publish killed right after writing the version file leaves: the intent and the file.
    made.write('archive/privacy-policy/2.0.md', `${text}\n<!-- an earlier attempt -->\n`);
    const leftover = made.readBytes('archive/privacy-policy/2.0.md');
    made.write('.policy/publish-intents/privacy-policy@2.0.json', JSON.stringify({ id: 'privacy-policy', version: '2.0', files: [{ file: '2.0.md', sha256: sha256Hex(leftover) }] }));

    const verify = await runPolicy(['verify'], { cwd: made.root });
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toContain('warning: archive/privacy-policy/2.0.md: not listed in index.json yet: left by an interrupted publish');
    expect((await runPolicy(['site'], { cwd: made.root })).code).toBe(0);

    const again = await publish(made);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(made.read(INDEX)) as ArchiveIndex).versions.map((v) => v.version)).toEqual(['1.0', '2.0']);
    expect(readdirSync(join(made.root, '.policy/publish-intents'))).toEqual([]);
    expect((await runPolicy(['verify', '--strict'], { cwd: made.root })).code).toBe(0);
  });

  it('is never overwritten by a publish write whose intent does not cover its bytes', async () => {
    const made = repo();
    made.write('archive/privacy-policy/2.0.md', 'slipped in\n');
    const intentsDir = join(made.root, '.policy/publish-intents');
    const label = (path?: string) => (path === undefined ? 'archive' : `archive/${path}`);
    const intent = { id: 'privacy-policy', version: '2.0', files: [{ file: '2.0.md', sha256: sha256Hex('new\n') }] };
    await expect(beginArchiveWrite(join(made.root, 'archive'), intentsDir, intent, label)).rejects.toThrow(
      /^archive\/privacy-policy\/2\.0\.md: already exists, and no interrupted publish recorded these bytes/,
    );
    expect(existsSync(intentsDir)).toBe(false);
    // The leftover of an interrupted publish (its bytes recorded) may be replaced.
    made.write('.policy/publish-intents/privacy-policy@2.0.json', JSON.stringify({ ...intent, files: [{ file: '2.0.md', sha256: sha256Hex('slipped in\n') }] }));
    await beginArchiveWrite(join(made.root, 'archive'), intentsDir, intent, label);
    expect(JSON.parse(made.read('.policy/publish-intents/privacy-policy@2.0.json'))).toEqual(intent);
  });

  it('lists a file outside any policy folder as an error', async () => {
    const made = repo();
    made.write('archive/notes.txt', 'hello\n');
    const verify = await runPolicy(['verify'], { cwd: made.root });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('error: archive/notes.txt: not inside a policy folder');
  });
});

describe('commands refuse an archive that fails verify', () => {
  it('site, notify and publish exit 1 naming the problem when an older entry was edited', async () => {
    const made = await withTwoVersions();
    const index = JSON.parse(made.read(INDEX)) as ArchiveIndex;
    index.versions[0]!.summary = 'A forged summary';
    made.write(INDEX, `${JSON.stringify(index, null, 2)}\n`);
    const problem = /^policy: archive\/privacy-policy\/index\.json: chain broken at version 2\.0: .*; the archive fails policy verify, so (.*)\n$/;

    const site = await runPolicy(['site'], { cwd: made.root });
    expect(site.code).toBe(1);
    expect(site.stderr).toMatch(problem);
    expect(site.stderr).toContain('so the site was not built');
    expect(existsSync(join(made.root, 'site'))).toBe(false);

    const notify = await runPolicy(['notify', 'privacy-policy@2.0', '--dry-run'], { cwd: made.root });
    expect(notify.code).toBe(1);
    expect(notify.stderr).toMatch(problem);
    expect(notify.stderr).toContain('so no notices were sent');

    made.write(POLICY, minorEdit(made.read(POLICY), '2026-11-30'));
    const again = await publish(made);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(problem);
    expect(again.stderr).toContain('so nothing was published');
  });
});

describe('symbolic links', () => {
  it('a symlinked archive/<id> folder fails verify, and publish writes nothing through it', async () => {
    const made = repo();
    const outside = outsideDir();
    renameSync(join(made.root, 'archive/privacy-policy'), join(outside, 'privacy-policy'));
    symlinkSync(join(outside, 'privacy-policy'), join(made.root, 'archive/privacy-policy'), 'dir');
    const before = readdirSync(join(outside, 'privacy-policy')).sort();

    const verify = await runPolicy(['verify'], { cwd: made.root });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('error: archive/privacy-policy: a symbolic link');

    made.write(POLICY, majorEdit());
    const result = await publish(made);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^policy: archive\/privacy-policy: a symbolic link.*so nothing was published\n$/);
    expect(readdirSync(join(outside, 'privacy-policy')).sort()).toEqual(before);
  });

  it('the write itself refuses a symlinked policy folder (should it appear after verification)', async () => {
    const made = repo({ archive: false });
    const outside = outsideDir();
    mkdirSync(join(made.root, 'archive'));
    symlinkSync(outside, join(made.root, 'archive/privacy-policy'), 'dir');
    const intent = { id: 'privacy-policy', version: '1.0', files: [{ file: '1.0.md', sha256: sha256Hex('x') }] };
    await expect(
      beginArchiveWrite(join(made.root, 'archive'), join(made.root, '.policy/publish-intents'), intent, (path) => `archive/${path ?? ''}`),
    ).rejects.toThrow(/^archive\/privacy-policy: is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('site --out pointing at a symbolic link is refused and nothing is written through it', async () => {
    const made = repo();
    const outside = outsideDir();
    symlinkSync(outside, join(made.root, 'public'), 'dir');
    const result = await runPolicy(['site', '--out', 'public'], { cwd: made.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('policy: public: is a symbolic link; policy site builds only into a real folder (remove the link or choose another --out)\n');
    expect(readdirSync(outside)).toEqual([]);
  });
});
