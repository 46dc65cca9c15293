/**
 * The revision record, `archive/<id>/<version>.revision.json`: the verdict as
 * published — changes, levels, triggers, reasons (as data, so any language
 * renders them), the override and publish's bookkeeping — in canonical JSON.
 * Its sha256 is in the version's index entry. Notices, the site, `log` and
 * `show --changes` read it instead of classifying archived versions again, so
 * upgrading the tool never rewrites what was decided.
 */
import { canonicalJson } from '../archive/canonical-json.js';
import type { ReasonMessage } from '../classify/messages/types.js';
import { renderRevisionJson, type RevisionJson } from '../revision-json.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type {
  ArchivedVersion,
  Block,
  BlockKind,
  Bookkeeping,
  ClassifiedChange,
  InlinePart,
  Policy,
  Revision,
  RevisionLevel,
  Trigger,
  TriggerSource,
} from '../types.js';

/** The record's format number; a reader refuses a format it does not know. */
export const RECORD_FORMAT = 1;

/** The record's file name beside `<version>.md`. */
export function recordFileName(version: string): string {
  return `${version}.revision.json`;
}

/** One change as recorded: the `policy diff --format json` entry, plus what the readers need to show it again. */
export type RecordedChange = RevisionJson['changes'][number] & {
  /** Inline redline of a modified block (empty otherwise). */
  inline: InlinePart[];
  /** The reasons as structured messages with their parameters (null: only the English `reasons` exist). */
  reasonMessages: ReasonMessage[] | null;
  /** Block kind and section path on each side (null on the side where the block is absent). */
  old: { kind: BlockKind; section: string[] } | null;
  new: { kind: BlockKind; section: string[] } | null;
};

/** `archive/<id>/<version>.revision.json`. */
export interface RevisionRecord {
  format: typeof RECORD_FORMAT;
  policy: { id: string; title: string; lang: 'zh' | 'en' };
  version: string;
  previousVersion: string | null;
  /** The level that stands (after any override); `initial` for a first version. */
  level: ArchivedVersion['level'];
  /** The revision-level triggers that stand, with their texts. */
  triggers: { index: number; text: string }[];
  /** The classifier's own verdict (for a first version: level `initial`, no triggers). */
  automatic: { level: RevisionLevel | 'initial'; triggers: number[] };
  /** A person's decision over the automatic level, or null. */
  override: { overridden: true; level: 'major' | 'minor'; reason: string; at: string } | null;
  /** The trigger list the changes were judged against (the previous version's; a first version's own) and its source. */
  triggerList: { source: TriggerSource; items: { index: number; text: string; line: number }[] };
  changes: RecordedChange[];
  /** Low-confidence changes, and whether a person reviewed them (false when `--yes` let the automatic levels stand). */
  review: { needsDecision: number; reviewed: boolean };
  /** Publish's own edits: never counted or shown as a change. */
  bookkeeping: Bookkeeping[];
  warnings: string[];
  tool: { name: 'policy'; version: string };
  /** The owners' note on the revision (front matter `changeNote` at publish); absent when there was none. */
  changeNote?: string;
  /** The one-line summary as published (the index entry's); absent in records written before it was kept. */
  summary?: string;
}

/** What a record is built from. */
export interface RecordInput {
  version: string;
  previousVersion: string | null;
  /** The revision against the previous version (null for a first version). */
  revision: Revision | null;
  /** The policy as published (for a first version, its trigger list is recorded). */
  policy: Policy;
  /** The archive entry being written (level, triggers, override). */
  entry: ArchivedVersion;
  /** Whether a person looked at the low-confidence changes (interactive publish or an explicit --level). */
  reviewed: boolean;
  /** Publish's bookkeeping between the previous version and the published bytes. */
  bookkeeping: Bookkeeping[];
  toolVersion: string;
  /** The change note moved from the source's front matter (null or absent: none). */
  changeNote?: string | null;
}

/** True when the classifier marked a change as low-confidence (a change without the mark counts as high). */
export function isLowConfidence(change: object): boolean {
  return (change as { confidence?: unknown }).confidence === 'low';
}

function triggerItems(triggers: readonly Trigger[]): { index: number; text: string; line: number }[] {
  return triggers.map((trigger) => ({ index: trigger.index, text: trigger.text, line: trigger.line }));
}

function sideOf(block: Block | null): { kind: BlockKind; section: string[] } | null {
  return block ? { kind: block.kind, section: [...block.section] } : null;
}

/** Builds the record of a publish. Pure. */
export function buildRevisionRecord(input: RecordInput): RevisionRecord {
  const { revision, policy, entry } = input;
  const judged = revision ? revision.old : policy;
  const json = revision ? renderRevisionJson(revision) : null;
  const changes: RecordedChange[] = revision && json
    ? json.changes.map((recorded, i) => {
        const change = revision.changes[i]!;
        return {
          ...recorded,
          inline: change.inline.map((part) => ({ op: part.op, text: part.text })),
          reasonMessages: change.reasonMessages ? structuredClone(change.reasonMessages) : null,
          old: sideOf(change.oldBlock),
          new: sideOf(change.newBlock),
        };
      })
    : [];
  const textOf = (index: number) => judged.triggers.find((trigger) => trigger.index === index)?.text ?? '';
  const override = entry.override ? { overridden: true as const, ...entry.override } : null;
  const automatic = entry.automatic ?? { level: revision ? revision.level : ('initial' as const), triggers: entry.triggers };
  return {
    format: RECORD_FORMAT,
    policy: { id: policy.id, title: policy.title, lang: policy.lang },
    version: input.version,
    previousVersion: input.previousVersion,
    level: entry.level,
    triggers: entry.triggers.map((index) => ({ index, text: textOf(index) })),
    automatic: { level: automatic.level, triggers: [...automatic.triggers] },
    override,
    triggerList: { source: judged.triggerSource, items: triggerItems(judged.triggers) },
    changes,
    review: { needsDecision: revision ? revision.changes.filter(isLowConfidence).length : 0, reviewed: input.reviewed },
    bookkeeping: input.bookkeeping.map((item) => ({ ...item })),
    warnings: revision ? [...revision.warnings] : [],
    tool: { name: 'policy', version: input.toolVersion },
    ...(input.changeNote ? { changeNote: input.changeNote } : {}),
    summary: entry.summary,
  };
}

/** The record's bytes: canonical JSON (keys sorted, no whitespace), so its hash does not depend on who wrote it. Pure. */
export function renderRevisionRecord(record: RevisionRecord): string {
  return canonicalJson(record);
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a record's text; throws ARCHIVE_INVALID naming `file` when it is not a record this tool can read. Pure. */
export function parseRevisionRecord(text: string, file: string): RevisionRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`invalid JSON: ${(error as Error).message}`, { file }), { cause: error });
  }
  const problem = !isRecordObject(raw)
    ? 'must be a JSON object'
    : raw.format !== RECORD_FORMAT
      ? `"format" must be ${RECORD_FORMAT}, found ${JSON.stringify(raw.format)}`
      : !Array.isArray(raw.changes)
        ? '"changes" must be a list'
        : !Array.isArray(raw.bookkeeping)
          ? '"bookkeeping" must be a list'
          : !isRecordObject(raw.triggerList) || !Array.isArray(raw.triggerList.items)
            ? '"triggerList" must be {source, items}'
            : typeof raw.level !== 'string'
              ? '"level" must be a string'
              : raw.changeNote !== undefined && typeof raw.changeNote !== 'string'
                ? '"changeNote" must be text'
                : raw.summary !== undefined && typeof raw.summary !== 'string'
                  ? '"summary" must be text'
                  : null;
  if (problem !== null) throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`not a revision record: ${problem}`, { file }));
  return raw as unknown as RevisionRecord;
}

function triggerNumbers(triggers: readonly unknown[]): number[] {
  // diff JSON gives numbers; a newer shape may give {index, text}.
  return triggers.map((item) => (typeof item === 'number' ? item : Number((item as { index?: unknown }).index))).filter(Number.isInteger);
}

function blockOf(side: RecordedChange['old'], text: string, line: number | null): Block | null {
  if (side === null) return null;
  return { kind: side.kind, depth: 0, text, urls: [], section: side.section, line: line ?? 0, endLine: line ?? 0, key: '' };
}

/**
 * The revision as recorded, in the shape the renderers take: changes, levels,
 * triggers and reasons from the record; titles and paths from the two parsed
 * versions; the trigger list the record kept. Never classifies. Pure.
 */
export function revisionFromRecord(record: RevisionRecord, oldPolicy: Policy, newPolicy: Policy): Revision {
  const triggers: Trigger[] = record.triggerList.items.map((item) => ({ index: item.index, text: item.text, line: item.line, blockIndex: -1 }));
  const changes: ClassifiedChange[] = record.changes.map((recorded) => {
    // A record written before confidence existed counts its changes as high-confidence.
    const extra = recorded as Partial<Pick<RecordedChange, 'confidence' | 'rules'>>;
    const change: ClassifiedChange = {
      kind: recorded.kind,
      oldBlock: blockOf(recorded.old, recorded.before, recorded.line.old),
      newBlock: blockOf(recorded.new, recorded.after, recorded.line.new),
      oldIndex: -1,
      newIndex: -1,
      inline: recorded.inline,
      level: recorded.level,
      triggers: triggerNumbers(recorded.triggers),
      reasons: recorded.reasons,
      rules: extra.rules ?? [],
      confidence: extra.confidence ?? 'high',
      ...(recorded.reasonMessages ? { reasonMessages: recorded.reasonMessages } : {}),
    };
    return change;
  });
  const level: RevisionLevel = record.level === 'initial' ? 'none' : record.level;
  return {
    old: { ...oldPolicy, triggers, triggerSource: record.triggerList.source },
    new: newPolicy,
    level,
    triggers: record.triggers.map((trigger) => trigger.index),
    changes,
    needsDecision: record.review.needsDecision,
    warnings: record.warnings,
    bookkeeping: record.bookkeeping,
  };
}
