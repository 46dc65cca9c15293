/**
 * A policy repository in a temporary folder for notice tests: an archive with
 * version 1.0 and one later version of the zh or en fixture policy (index.json
 * hash-chained as publish writes it), and a policy.config.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryHash } from '../../src/archive/canonical-json.js';
import { sha256Hex } from '../../src/hash.js';
import type { ArchivedVersion, ArchiveIndex } from '../../src/types.js';
import { fixturePath } from './policies.js';

export interface NoticeRepoOptions {
  lang: 'zh' | 'en';
  /** The later version: `2.0` (a major revision) or `1.1` (a minor one). */
  version: '2.0' | '1.1';
  /** Replaces `title:` in the later version's front matter (as a YAML double-quoted string). */
  title?: string;
  /** Merged into policy.config.json. */
  config?: Record<string, unknown>;
  /** Extra files, relative to the repository. */
  files?: Record<string, string | Buffer>;
}

export const POLICY_ID = 'privacy-policy';

/** Creates the repository and returns its folder. */
export function makeNoticeRepo(options: NoticeRepoOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-notify-'));
  const archive = join(dir, 'archive', POLICY_ID);
  mkdirSync(archive, { recursive: true });
  const first = readFileSync(fixturePath(`notify/${options.lang}/1.0.md`));
  let later = readFileSync(fixturePath(`notify/${options.lang}/${options.version}.md`), 'utf8');
  if (options.title !== undefined) later = later.replace(/^title: .*$/m, `title: ${JSON.stringify(options.title)}`);
  const laterBytes = Buffer.from(later, 'utf8');
  writeFileSync(join(archive, '1.0.md'), first);
  writeFileSync(join(archive, `${options.version}.md`), laterBytes);
  const v1: ArchivedVersion = {
    version: '1.0',
    date: '2021-08-27',
    effective: '2021-08-27',
    file: '1.0.md',
    sha256: sha256Hex(first),
    level: 'initial',
    triggers: [],
    summary: 'Initial version',
    publishedAt: '2021-08-27T00:00:00.000Z',
    previous: null,
  };
  const v2: ArchivedVersion = {
    version: options.version,
    date: '2026-12-01',
    effective: '2026-12-31',
    file: `${options.version}.md`,
    sha256: sha256Hex(laterBytes),
    level: options.version === '2.0' ? 'major' : 'minor',
    triggers: options.version === '2.0' ? [1, 5] : [],
    summary: 'test revision',
    publishedAt: '2026-12-01T00:00:00.000Z',
    previous: entryHash(v1),
  };
  const index: ArchiveIndex = { id: POLICY_ID, title: options.lang === 'zh' ? '隐私政策' : 'Privacy Policy', lang: options.lang, versions: [v1, v2] };
  writeFileSync(join(archive, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const config = {
    siteUrl: 'https://policies.example.com',
    ...options.config,
    notify: {
      from: 'Example Legal <legal@example.com>',
      unsubscribeUrl: 'https://example.com/unsubscribe',
      ...(options.config?.notify as Record<string, unknown> | undefined),
    },
  };
  writeFileSync(join(dir, 'policy.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), content);
  return dir;
}
