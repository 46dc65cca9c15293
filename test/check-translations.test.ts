/**
 * Translations kept in step by `policy check`, and `--require-note`, in real
 * git repositories: the zh seed is the original, its English text a
 * translation (`translationOf`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash } from '../src/archive/canonical-json.js';
import { sha256Hex } from '../src/hash.js';
import { findTranslationProblems } from '../src/check/translations.js';
import type { ArchivedVersion } from '../src/types.js';
import { makePullRequestRepo } from './helpers/git-repo.js';
import { readFixture } from './helpers/policies.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const ZH = readFixture('policies/privacy-policy.zh.md');
const EN = readFixture('policies/privacy-policy.en.md').replace('title: Privacy Policy\n', 'title: Privacy Policy\nlang: en\ntranslationOf: privacy-policy\n');
const ORIGINAL = 'policies/privacy-policy.md';
const TRANSLATION = 'policies/privacy-policy.en.md';
const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const remove of cleanup) remove();
});

function edit(source: string, from: string, to: string): string {
  if (source.split(from).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return source.replace(from, () => to);
}
const contactChange = (source: string) => edit(source, '[legal@pingcap.com](mailto:legal@pingcap.com)。我们将', '[privacy@pingcap.com](mailto:privacy@pingcap.com)。我们将');
const typoFix = (source: string) => edit(source, '我们搜集的有关您的信息', '我们收集的有关您的信息');
const enContactChange = (source: string) => source.replaceAll('legal@pingcap.com', 'privacy@pingcap.com');

function makeRepo(files: Record<string, string>) {
  const repo = makePullRequestRepo(files, NOW);
  cleanup.push(repo.remove);
  return repo;
}

/** Writes an archive whose entries are hash-chained like publish writes them. */
function writeArchive(write: (path: string, text: string) => void, id: string, title: string, lang: string, versions: { version: string; text: string; level: ArchivedVersion['level']; translates?: string }[]) {
  const entries: ArchivedVersion[] = [];
  for (const { version, text, level, translates } of versions) {
    write(`archive/${id}/${version}.md`, text);
    const previous = entries.at(-1);
    entries.push({
      version,
      date: '2024-01-01',
      effective: '2024-01-01',
      file: `${version}.md`,
      sha256: sha256Hex(text),
      level,
      triggers: [],
      summary: '',
      publishedAt: '2024-01-01T00:00:00.000Z',
      previous: previous ? entryHash(previous) : null,
      ...(translates ? { translates } : {}),
    });
  }
  write(`archive/${id}/index.json`, `${JSON.stringify({ id, title, lang, versions: entries }, null, 2)}\n`);
}

describe('policy check --base: translations in step', () => {
  it('fails a major revision of the original that leaves its translation unchanged: one ::error on the translation', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH, [TRANSLATION]: EN });
    repo.write(ORIGINAL, contactChange(ZH));
    const result = await repo.check(['--base', 'main', '--format', 'github']);
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toEqual([
      "::error file=policies/privacy-policy.en.md,line=6,title=Translation not in step::translation of privacy-policy not changed: the original's revision is major, so privacy-policy.en must change in the same change",
    ]);
    const text = await repo.check(['--base', 'main']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('policies/privacy-policy.en.md:6');
  });

  it('passes when the translation changes in the same change', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH, [TRANSLATION]: EN });
    repo.write(ORIGINAL, contactChange(ZH));
    repo.write(TRANSLATION, enContactChange(EN));
    const result = await repo.check(['--base', 'main', '--format', 'github']);
    expect(result.stdout).not.toContain('Translation not in step');
    expect(result.code).toBe(0);
  });

  it('only warns about a minor revision of the original alone', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH, [TRANSLATION]: EN });
    repo.write(ORIGINAL, typoFix(ZH));
    const result = await repo.check(['--base', 'main']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('policy: warning: policies/privacy-policy.en.md:6: translation of privacy-policy not changed: the original has a minor revision');
    const github = await repo.check(['--base', 'main', '--format', 'github']);
    expect(github.stdout).toContain('::warning file=policies/privacy-policy.en.md,line=6,title=Translation not in step::');
  });

  it('judges the translation even when only the original is named on the command line', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH, [TRANSLATION]: EN });
    repo.write(ORIGINAL, contactChange(ZH));
    const result = await repo.check(['--base', 'main', ORIGINAL]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('privacy-policy.en must change in the same change');
  });

  it('warns when a translation follows an older version than the original\'s latest major one', async () => {
    const repo = makeRepo({ [ORIGINAL]: contactChange(ZH), [TRANSLATION]: EN });
    writeArchive(repo.write, 'privacy-policy', '隐私政策', 'zh', [
      { version: '1.0', text: ZH, level: 'initial' },
      { version: '2.0', text: contactChange(ZH), level: 'major' },
    ]);
    writeArchive(repo.write, 'privacy-policy.en', 'Privacy Policy', 'en', [{ version: '1.0', text: EN, level: 'initial', translates: '1.0' }]);
    const result = await repo.check([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('policy: warning: policies/privacy-policy.en.md:6: privacy-policy.en follows privacy-policy 1.0, older than its latest major version 2.0');
  });

  it('fails a translationOf that is not a policy id, on its line', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH, [TRANSLATION]: EN.replace('translationOf: privacy-policy', 'translationOf: ../x') });
    const result = await repo.check(['--base', 'main']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('policies/privacy-policy.en.md:6');
    expect(result.stdout).toContain('translationOf must be the id of the original policy');
  });
});

describe('findTranslationProblems', () => {
  const link = { id: 't', file: 't.md', line: 3, original: 'o', changed: false, follows: null, originalLatestMajor: null };
  it('says nothing of a translation that changed, or whose original did not', () => {
    expect(findTranslationProblems([{ ...link, changed: true }], new Map([['o', 'major']]))).toEqual({ failures: [], warnings: [] });
    expect(findTranslationProblems([link], new Map([['o', 'none']]))).toEqual({ failures: [], warnings: [] });
    expect(findTranslationProblems([{ ...link, follows: '2.0', originalLatestMajor: '2.0' }], new Map())).toEqual({ failures: [], warnings: [] });
    expect(findTranslationProblems([{ ...link, follows: '2.1', originalLatestMajor: '10.0' }], new Map()).warnings).toHaveLength(1);
  });
});

describe('policy check --require-note', () => {
  const withNote = (source: string, note: string) => edit(source, 'title: 隐私政策\n', `title: 隐私政策\nchangeNote: |\n${note}\n`);

  it('fails a major revision without a change note, with an ::error, and passes it with one', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH });
    repo.write(ORIGINAL, contactChange(ZH));
    const failed = await repo.check(['--base', 'main', '--require-note', 'major', '--format', 'github']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('::error file=policies/privacy-policy.md,line=1,title=Change note missing::major revision without a change note');
    repo.write(ORIGINAL, withNote(contactChange(ZH), '  隐私联络邮箱改为 privacy@pingcap.com，以便更快回复。'));
    const passed = await repo.check(['--base', 'main', '--require-note', 'major']);
    expect(passed.code).toBe(0);
    // Without the option nothing is required.
    repo.write(ORIGINAL, contactChange(ZH));
    expect((await repo.check(['--base', 'main'])).code).toBe(0);
  });

  it('asks nothing of a minor revision under --require-note major, but does under minor', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH });
    repo.write(ORIGINAL, typoFix(ZH));
    expect((await repo.check(['--base', 'main', '--require-note', 'major'])).code).toBe(0);
    const minor = await repo.check(['--base', 'main', '--require-note', 'minor']);
    expect(minor.code).toBe(1);
    expect(minor.stdout).toContain('minor revision without a change note');
  });

  it('fails a change note that is not text, on its line', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH });
    repo.write(ORIGINAL, edit(contactChange(ZH), 'title: 隐私政策\n', 'title: 隐私政策\nchangeNote:\n  - a list\n'));
    const result = await repo.check(['--base', 'main', '--require-note', 'major']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('policies/privacy-policy.md:5');
    expect(result.stdout).toContain('changeNote must be text');
  });

  it('rejects an unknown level', async () => {
    const repo = makeRepo({ [ORIGINAL]: ZH });
    expect((await repo.check(['--require-note', 'sometimes'])).code).toBe(2);
  });
});
