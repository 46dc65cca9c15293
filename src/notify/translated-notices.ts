/**
 * Notices in the recipient's language: for an original's version, the
 * translations whose archived version renders it (`translates`) give the
 * notice in their language; recipients whose file names that language get it,
 * everyone else the original's.
 */
import { readArchivedIds, readArchiveIndex } from '../archive/index-file.js';
import { archiveDirOf } from '../archive/reference.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { ArchiveIndex, ArchivedVersion, Lang } from '../types.js';
import { readNoticeRevision, type NoticeSubject } from './read-notice-revision.js';
import type { RecipientRecord } from './recipients.js';

/** The translation version that renders `version` of `original`, for each language but the original's. Pure. */
export function planTranslatedNotices(original: ArchiveIndex, version: string, indexes: readonly ArchiveIndex[]): Map<Lang, { id: string; entry: ArchivedVersion }> {
  const found = new Map<Lang, { id: string; entry: ArchivedVersion }>();
  for (const index of [...indexes].sort((a, b) => a.id.localeCompare(b.id))) {
    if (index.translationOf !== original.id || index.lang === original.lang || found.has(index.lang)) continue;
    const entry = [...index.versions].reverse().find((candidate) => candidate.translates === version);
    if (entry) found.set(index.lang, { id: index.id, entry });
  }
  return found;
}

/**
 * Reads the translations' revisions for the notices of `<id>@<version>`, by
 * language. A translation's first version has no revision to announce and is
 * left out (its readers get the original's notice).
 */
export async function readTranslatedNotices(ctx: Context, config: Config, original: ArchiveIndex, version: string): Promise<Map<Lang, NoticeSubject>> {
  const archiveDir = archiveDirOf(ctx, config);
  const indexes: ArchiveIndex[] = [];
  for (const id of await readArchivedIds(archiveDir)) {
    if (id === original.id) continue;
    const index = await readArchiveIndex(archiveDir, id);
    if (index?.translationOf === original.id) indexes.push(index);
  }
  const subjects = new Map<Lang, NoticeSubject>();
  for (const [lang, { id, entry }] of planTranslatedNotices(original, version, indexes)) {
    const subject = await readNoticeRevision(ctx, config, id, entry.version);
    if (subject.revision !== null && subject.previous !== null) subjects.set(lang, subject);
  }
  return subjects;
}

/** Picks a recipient's message: their language's when there is one, else the original's. Pure. */
export function chooseByLang<T>(original: T, byLang: ReadonlyMap<Lang, T>): (recipient: RecipientRecord & { ok: true }) => T {
  return (recipient) => (recipient.lang !== undefined ? byLang.get(recipient.lang) : undefined) ?? original;
}
