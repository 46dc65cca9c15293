/**
 * Publish with a change note and with translations, end to end in temporary
 * repositories: the note moves into the record and out of the source and is
 * shown first by log, the notice, the changes page and the feed; an original
 * and its changed translation go out together, the translation recording the
 * original's version it renders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { withTranslations } from '../src/publish/translations.js';
import type { ArchiveIndex } from '../src/types.js';
import { majorEdit, useTempRepos } from './archive-helpers.js';
import { runPolicy } from './helpers/cli.js';
import { readFixture } from './helpers/policies.js';

const POLICY = 'policies/privacy-policy.md';
const TRANSLATION = 'policies/privacy-policy.en.md';
const NOTE = '我们将隐私联络邮箱改为 privacy@pingcap.com，\n以便更快回复您的请求。\n\n其他内容不变。';
const EN = readFixture('policies/privacy-policy.en.md').replace('title: Privacy Policy\n', 'title: Privacy Policy\nlang: en\ntranslationOf: privacy-policy\n');
const repo = useTempRepos();

const withNote = (source: string) => source.replace('title: 隐私政策\n', `title: 隐私政策\neffective: 2026-12-30\nchangeNote: |\n${NOTE.split('\n').map((line) => (line === '' ? '' : `  ${line}`)).join('\n')}\nlayoutHint: keep\n`);

describe('policy publish: the change note', () => {
  it('moves the note into the record, clears it (and effective) from the source, and log, notice, changes page and feed show it first', async () => {
    const made = repo();
    made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com/', notify: { from: 'Legal <legal@example.com>', major: ['ann@example.com'] } }));
    made.write(POLICY, withNote(majorEdit(made.read(POLICY))));
    const published = await runPolicy(['publish', '--yes'], { cwd: made.root });
    expect(published.code, published.stderr).toBe(0);

    const record = JSON.parse(made.read('archive/privacy-policy/2.0.revision.json')) as { changeNote?: string; changes: unknown[] };
    expect(record.changeNote).toBe(NOTE);
    // The source lets the note go (blank line and all), keeps the keys around it.
    const source = made.read(POLICY);
    expect(source).not.toContain('changeNote');
    expect(source).not.toContain('以便更快回复');
    expect(source).not.toContain('effective:');
    expect(source).toContain('title: 隐私政策\nlayoutHint: keep\n');
    // The note is never a change of the policy.
    const again = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(again.stdout).toContain('nothing to publish');

    const log = await runPolicy(['log', 'privacy-policy'], { cwd: made.root });
    expect(log.stdout).toMatch(/\n {2}2\.0 .*\n {6}我们将隐私联络邮箱改为 privacy@pingcap\.com，以便更快回复您的请求。\n {6}其他内容不变。\n {2}1\.0 /);
    const logJson = JSON.parse((await runPolicy(['log', 'privacy-policy', '--format', 'json'], { cwd: made.root })).stdout) as { versions: { changeNote: string | null }[] };
    expect(logJson.versions.map((entry) => entry.changeNote)).toEqual([NOTE, null]);

    const outbox = join(made.root, 'outbox/privacy-policy/2.0');
    const [eml] = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    const mail = await simpleParser(readFileSync(join(outbox, eml!)));
    const text = mail.text ?? '';
    expect(text).toContain('## 变更说明\n\n我们将隐私联络邮箱改为 privacy@pingcap.com，以便更快回复您的请求。\n\n其他内容不变。');
    expect(text.indexOf('变更说明')).toBeLessThan(text.indexOf('根据本政策所列的重大变更情形'));

    expect((await runPolicy(['site'], { cwd: made.root })).code).toBe(0);
    const changes = made.read('site/privacy-policy/2.0/changes/index.html');
    expect(changes).toContain('<h2 id="change-note">变更说明</h2><p>我们将隐私联络邮箱改为 privacy@pingcap.com，以便更快回复您的请求。</p><p>其他内容不变。</p>');
    expect(changes.indexOf('id="change-note"')).toBeLessThan(changes.indexOf('id="changes"'));
    expect(made.read('site/privacy-policy/feed.xml')).toContain('<![CDATA[<p>我们将隐私联络邮箱改为 privacy@pingcap.com，以便更快回复您的请求。</p><p>其他内容不变。</p><p>重大变更');
  });

  it('refuses a note that is not text, writing nothing', async () => {
    const made = repo();
    made.write(POLICY, majorEdit(made.read(POLICY)).replace('title: 隐私政策\n', 'title: 隐私政策\nchangeNote: [a, b]\n'));
    const before = made.snapshot();
    const result = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('policies/privacy-policy.md: changeNote must be text');
    expect(made.snapshot()).toEqual(before);
  });
});

describe('policy publish: translations', () => {
  it('publishes the original with its changed translation in one run; the translation records the version it renders', async () => {
    const made = repo();
    made.write(TRANSLATION, EN);
    const first = await runPolicy(['publish', '--yes', '--no-notify'], { cwd: made.root });
    expect(first.code, first.stderr).toBe(0);
    const enIndex = (): ArchiveIndex => JSON.parse(made.read('archive/privacy-policy.en/index.json')) as ArchiveIndex;
    expect(enIndex()).toMatchObject({ id: 'privacy-policy.en', lang: 'en', translationOf: 'privacy-policy', versions: [{ version: '1.0', translates: '1.0' }] });

    // A major revision of both; only the original is named, and the translation goes with it.
    made.write(POLICY, majorEdit(made.read(POLICY)));
    made.write(TRANSLATION, made.read(TRANSLATION).replaceAll('legal@pingcap.com', 'privacy@pingcap.com'));
    const result = await runPolicy(['publish', POLICY, '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('privacy-policy: 1.0 → 2.0 (major)');
    expect(result.stdout).toContain('privacy-policy.en: 1.0 → 2.0');
    expect(result.stdout.indexOf('privacy-policy: 1.0 → 2.0')).toBeLessThan(result.stdout.indexOf('privacy-policy.en: 1.0 → 2.0'));
    expect(enIndex().versions.at(-1)).toMatchObject({ version: '2.0', translates: '2.0' });
    expect((await runPolicy(['verify'], { cwd: made.root })).code).toBe(0);

    // The site links the two languages of 2.0.
    expect((await runPolicy(['site'], { cwd: made.root })).code).toBe(0);
    expect(made.read('site/privacy-policy/2.0/index.html')).toContain('hreflang="en" href="../../privacy-policy.en/2.0/"');
  });

  it('a translation published alone records the original\'s latest archived version', async () => {
    const made = repo();
    made.write(TRANSLATION, EN);
    const result = await runPolicy(['publish', TRANSLATION, '--yes', '--no-notify'], { cwd: made.root });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(made.read('archive/privacy-policy.en/index.json')).versions[0].translates).toBe('1.0');
  });

  it('orders originals before translations and adds the translations of named originals', () => {
    const file = (id: string, translationOf: string | null) => ({ file: `${id}.md`, absolutePath: `/p/${id}.md`, id, translationOf });
    const all = [file('a.en', 'a'), file('a', null), file('b.en', 'b'), file('b', null)];
    expect(withTranslations([file('a', null)], all).map((entry) => entry.id)).toEqual(['a', 'a.en']);
    expect(withTranslations(all, all).map((entry) => entry.id)).toEqual(['a', 'b', 'a.en', 'b.en']);
  });
});
