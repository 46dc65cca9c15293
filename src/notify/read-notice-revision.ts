/**
 * Reads what a notice is about: the archived version, the version before it,
 * and the revision between the two as recorded at publish (the record and
 * both versions checked against the hashes in index.json; never classified
 * again).
 */
import { join } from 'node:path';
import { readArchiveIndex } from '../archive/index-file.js';
import { archiveDirOf, displayPath } from '../archive/reference.js';
import { readArchivedBytes } from '../archive/store.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { PolicyError, MESSAGES } from '../errors.js';
import { parsePolicyBytes } from '../policy/parse-policy.js';
import { readRecordedRevision } from '../publish/read-record.js';
import type { ArchivedVersion, ArchiveIndex, Revision } from '../types.js';

/** An archived version with its predecessor and the revision between them (null for a first version). */
export interface NoticeSubject {
  index: ArchiveIndex;
  entry: ArchivedVersion;
  previous: ArchivedVersion | null;
  revision: Revision | null;
  /** The owners' change note kept in the version's record (null: none). */
  changeNote: string | null;
}

/** Reads `archive/<id>/index.json` and, unless `version` is the first, both versions and their revision. */
export async function readNoticeRevision(ctx: Context, config: Config, id: string, version: string): Promise<NoticeSubject> {
  const archiveDir = archiveDirOf(ctx, config);
  const folder = displayPath(ctx, join(archiveDir, id));
  const index = await readArchiveIndex(archiveDir, id, `${folder}/index.json`);
  if (index === null) throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${id}@${version}: ${id} has no archive (no ${folder}/index.json)`));
  const position = index.versions.findIndex((v) => v.version === version);
  if (position < 0) {
    const known = index.versions.map((v) => v.version).join(', ') || 'none';
    throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`${id}@${version}: no such version in ${folder}/index.json (archived: ${known})`));
  }
  const entry = index.versions[position]!;
  const previous = position > 0 ? index.versions[position - 1]! : null;
  if (previous === null || entry.level === 'initial') return { index, entry, previous, revision: null, changeNote: null };
  const read = async (v: ArchivedVersion) => {
    const label = `${folder}/${v.file}`;
    return parsePolicyBytes(await readArchivedBytes(archiveDir, id, v, label), label, id);
  };
  const [oldPolicy, newPolicy] = await Promise.all([read(previous), read(entry)]);
  const { revision, changeNote } = await readRecordedRevision(archiveDir, id, entry, oldPolicy, newPolicy, folder);
  return { index, entry, previous, revision, changeNote };
}
