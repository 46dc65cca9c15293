/**
 * Reading the verdict of an archived version: its revision record when it has
 * one; for a version archived before records existed, the comparison made
 * afresh (there is no other way to show it, and it is marked so).
 */
import { join } from 'node:path';
import { readArchivedRecordBytes } from '../archive/store.js';
import { comparePolicies } from '../revision.js';
import type { ArchivedVersion, Policy, Revision } from '../types.js';
import { parseRevisionRecord, recordFileName, revisionFromRecord } from './record.js';

/** A version's revision, and whether it came from its record (false: archived before records, compared afresh). */
export interface RecordedRevision {
  revision: Revision;
  recorded: boolean;
  /** The owners' change note the record keeps (null: none, or no record). */
  changeNote: string | null;
}

/**
 * The revision from `oldPolicy` to `newPolicy` (the versions before and of
 * `entry`) as recorded at publish; never re-classifies a version that has a
 * record. `folder` is how messages name `archive/<id>`.
 */
export async function readRecordedRevision(
  archiveDir: string,
  id: string,
  entry: ArchivedVersion,
  oldPolicy: Policy,
  newPolicy: Policy,
  folder: string = join(archiveDir, id),
): Promise<RecordedRevision> {
  const label = `${folder}/${recordFileName(entry.version)}`;
  const bytes = await readArchivedRecordBytes(archiveDir, id, entry, label);
  if (bytes === null) return { revision: comparePolicies(oldPolicy, newPolicy), recorded: false, changeNote: null };
  const record = parseRevisionRecord(bytes.toString('utf8'), label);
  return { revision: revisionFromRecord(record, oldPolicy, newPolicy), recorded: true, changeNote: record.changeNote ?? null };
}

/** The change note in the record of `entry`, or null (no note, or a version archived before records). */
export async function readRecordedChangeNote(archiveDir: string, id: string, entry: ArchivedVersion, folder: string = join(archiveDir, id)): Promise<string | null> {
  const label = `${folder}/${recordFileName(entry.version)}`;
  const bytes = await readArchivedRecordBytes(archiveDir, id, entry, label);
  return bytes === null ? null : (parseRevisionRecord(bytes.toString('utf8'), label).changeNote ?? null);
}
