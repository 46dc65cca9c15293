/**
 * Reading the verdict of an archived version: its revision record when it has
 * one; for a version archived before records existed, the comparison made
 * afresh (there is no other way to show it, and it is marked so).
 */
import { join } from 'node:path';
import { readArchivedRecordBytes } from '../archive/store.js';
import { comparePolicies } from '../revision.js';
import { countChanges, type ChangeCounts } from '../count-changes.js';
import type { ArchivedLevel, ArchivedVersion, Policy, Revision } from '../types.js';
import { parseRevisionRecord, recordFileName, revisionFromRecord, type RevisionRecord } from './record.js';

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

/** What a list of versions (the site's versions table and feed, `policy log`) shows of one version: its verdict as recorded. */
export interface RecordedVerdict {
  /** The level that stands (after any override). */
  level: ArchivedLevel;
  /** Whether a person overrode the automatic level. */
  overridden: boolean;
  /** The one count of the recorded changes (zero for a first version). */
  counts: ChangeCounts;
  /** The one-line summary as published. */
  summary: string;
  /** The owners' change note (null: none). */
  changeNote: string | null;
}

/**
 * The verdict a record holds. A record written before it kept the summary
 * takes the entry's (the same line, published with it). Pure.
 */
export function verdictOfRecord(record: RevisionRecord, entry: Pick<ArchivedVersion, 'summary'>): RecordedVerdict {
  return { level: record.level, overridden: record.override !== null, counts: countChanges(record.changes), summary: record.summary ?? entry.summary, changeNote: record.changeNote ?? null };
}

/** The verdict recorded for `entry`, or null for a version archived before records existed (shown from its index entry, as before). */
export async function readRecordedVerdict(archiveDir: string, id: string, entry: ArchivedVersion, folder: string = join(archiveDir, id)): Promise<RecordedVerdict | null> {
  const label = `${folder}/${recordFileName(entry.version)}`;
  const bytes = await readArchivedRecordBytes(archiveDir, id, entry, label);
  return bytes === null ? null : verdictOfRecord(parseRevisionRecord(bytes.toString('utf8'), label), entry);
}
