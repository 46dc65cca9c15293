/**
 * The heavy part of a build, run in a worker thread or in-process: for a
 * contiguous run of one policy's versions, read and parse each version once,
 * render its page (Markdown → hast → HTML), its redline against the previous
 * version, copy its Markdown, and stage the files. Input and output are plain
 * data so they can cross to and from worker threads.
 */
import { join, relative } from 'node:path';
import { readArchivedBytes } from '../archive/store.js';
import { decodePolicyBytes } from '../policy/decode.js';
import { parsePolicyBytes } from '../policy/parse-policy.js';
import { readRecordedRevision, readRecordedVerdict } from '../publish/read-record.js';
import { comparePolicies } from '../revision.js';
import type { ArchivedVersion, Lang, Policy } from '../types.js';
import { openSiteOutput, stageFile, discardStaged, type StagedFile } from './fs-out.js';
import { stringifyHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { VersionFacts } from './model.js';
import { renderChangesPage, type ChangesPageModel } from './pages/changes.js';
import { renderComparePage, type ComparePageModel } from './pages/compare.js';
import { renderVersionPage, type VersionPageModel } from './pages/version.js';

/** A file to produce: where, and the hash of what it is made from. */
export interface OutputJob {
  path: string;
  inputs: string;
}

/** What to do for one version. */
export interface RenderItem {
  entry: ArchivedVersion;
  /** Copy the archived Markdown through. */
  source?: OutputJob;
  /** Render `/<id>/<version>/`. */
  page?: OutputJob & { model: VersionPageModel };
  /** Render `/<id>/<version>/changes/` (model.previous is the version compared against). */
  changes?: OutputJob & { model: ChangesPageModel };
  /** Render `/<id>/compare/<a>...<b>/`: this version against the current one. */
  compare?: OutputJob & { model: ComparePageModel };
  /** Report the version's facts (its trigger list). */
  facts: boolean;
}

/** A contiguous run of one policy's versions, oldest first. */
export interface RenderChunk {
  id: string;
  lang: Lang;
  /** Absolute archive folder. */
  archiveDir: string;
  /** Absolute output folder. */
  outDir: string;
  /** For file names in messages. */
  cwd: string;
  items: RenderItem[];
}

/** What a chunk produced. */
export interface ChunkResult {
  staged: StagedFile[];
  facts: Record<string, VersionFacts>;
}

/** Rough cost of a chunk, for balancing work across threads. */
export function estimateCost(items: readonly RenderItem[]): number {
  // A compare page classifies every change between its two versions afresh: its cost grows with the
  // number of versions in between (measured: about 0.05 s for neighbours, 0.5 s two hundred versions apart).
  const compareCost = (item: RenderItem): number => (item.compare ? 2 + item.compare.model.between.length / 20 : 0);
  return items.reduce(
    (sum, item) => sum + (item.page ? 2 : 0) + (item.changes ? 3 : 0) + compareCost(item) + (item.facts ? 1 : 0) + (item.source ? 0.1 : 0),
    0,
  );
}

/** Runs one chunk; on failure removes what it staged and rethrows. */
export async function runRenderChunk(chunk: RenderChunk): Promise<ChunkResult> {
  const output = openSiteOutput(chunk.outDir);
  const staged: StagedFile[] = [];
  const facts: Record<string, VersionFacts> = {};
  const label = (entry: ArchivedVersion): string => relative(chunk.cwd, join(chunk.archiveDir, chunk.id, entry.file)) || entry.file;
  // Each version is parsed once per run: the last few parsed versions are kept (a changes page needs its
  // version and the one before), and the other side of every compare page, the current version, is kept
  // for the whole run, since every compare page of a run shares it.
  const parsed = new Map<string, Policy>();
  const pinned = new Map<string, Policy>();
  const bytesOf = (entry: ArchivedVersion): Promise<Buffer> => readArchivedBytes(chunk.archiveDir, chunk.id, entry, label(entry));
  const policyOf = async (entry: ArchivedVersion, bytes?: Buffer, pin = false): Promise<Policy> => {
    const known = pinned.get(entry.sha256) ?? parsed.get(entry.sha256);
    if (known) {
      if (pin) pinned.set(entry.sha256, known);
      return known;
    }
    const policy = parsePolicyBytes(bytes ?? (await bytesOf(entry)), label(entry), chunk.id);
    if (pin) {
      pinned.set(entry.sha256, policy);
    } else {
      parsed.set(entry.sha256, policy);
      if (parsed.size > 3) parsed.delete(parsed.keys().next().value as string);
    }
    return policy;
  };
  const folder = relative(chunk.cwd, join(chunk.archiveDir, chunk.id)) || chunk.id;
  try {
    for (const item of chunk.items) {
      const { entry } = item;
      const bytes = await bytesOf(entry);
      if (item.source) staged.push(await stageFile(output, item.source.path, bytes, item.source.inputs));
      if (item.page) {
        const html = stringifyHtml(renderVersionPage(item.page.model, renderMarkdown(decodePolicyBytes(bytes, label(entry)), chunk.lang, { remoteImages: item.page.model.remoteImages ?? false })));
        staged.push(await stageFile(output, item.page.path, html, item.page.inputs));
      }
      let policy: Policy | null = null;
      if (item.changes) {
        const previous = item.changes.model.previous;
        let revision = null;
        let changeNote: string | null = null;
        if (previous) {
          const oldPolicy = await policyOf(previous);
          policy = await policyOf(entry, bytes);
          // The verdict as recorded at publish, never classified again.
          ({ revision, changeNote } = await readRecordedRevision(chunk.archiveDir, chunk.id, entry, oldPolicy, policy, folder));
        }
        const html = stringifyHtml(renderChangesPage({ ...item.changes.model, changeNote }, revision));
        staged.push(await stageFile(output, item.changes.path, html, item.changes.inputs));
      }
      if (item.compare) {
        const { model } = item.compare;
        // The side that is not this item's version is the current one, shared by the run's compare pages.
        const fromPolicy = await policyOf(model.from, model.from.sha256 === entry.sha256 ? bytes : undefined, model.from.sha256 !== entry.sha256);
        const toPolicy = await policyOf(model.to, model.to.sha256 === entry.sha256 ? bytes : undefined, model.to.sha256 !== entry.sha256);
        policy ??= model.from.sha256 === entry.sha256 ? fromPolicy : toPolicy;
        const revision = comparePolicies(fromPolicy, toPolicy);
        staged.push(await stageFile(output, item.compare.path, stringifyHtml(renderComparePage(model, revision)), item.compare.inputs));
      }
      if (item.facts) {
        policy ??= await policyOf(entry, bytes);
        const verdict = await readRecordedVerdict(chunk.archiveDir, chunk.id, entry, folder);
        facts[entry.sha256] = {
          triggers: policy.triggers.map((trigger) => ({ index: trigger.index, text: trigger.text })),
          changeNote: verdict?.changeNote ?? null,
          verdict,
        };
      }
    }
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  return { staged, facts };
}
