/**
 * `policy site`: builds the static archive site from `archive/`. Plans every
 * output file with a hash of its inputs, re-renders only what changed (the
 * heavy pages on worker threads), stages everything, then renames it into
 * place, writes the manifest and removes files the site no longer has.
 */
import { lstat, mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Context } from '../context.js';
import { buildPolicyStatus } from '../archive/consent-status.js';
import { PolicyError, MESSAGES } from '../errors.js';
import type { ArchivedVersion, Lang } from '../types.js';
import { buildLanguageLookup, type VersionLanguages } from './languages.js';
import { renderFeed, type FeedModel } from './feed.js';
import { commitStaged, discardStaged, openSiteOutput, removeSiteFile, stageFile, type SiteOutput, type StagedFile } from './fs-out.js';
import { stringifyHtml } from './html.js';
import { emptyManifest, hashInputs, MANIFEST_FILE, parseManifest, renderManifest, type SiteManifest } from './manifest.js';
import { buildPolicyView, resolveTriggers, todayIso, type PolicyView, type VersionFacts } from './model.js';
import type { ChangesPageModel } from './pages/changes.js';
import { comparePairWithCurrent, planCompare } from './pages/compare.js';
import { renderHomePage, type HomePageModel } from './pages/home.js';
import { renderLatestPage, type LatestPageModel } from './pages/latest.js';
import type { VersionPageModel } from './pages/version.js';
import { renderVersionsPage, type VersionsPageModel } from './pages/versions.js';
import { displayDir, outputFile, sitePaths } from './paths.js';
import { runChunks, workersAvailable } from './pool.js';
import { readArchivedPolicies, type ArchivedPolicy } from './read-archive.js';
import { estimateCost, type RenderChunk, type RenderItem } from './render-task.js';

/** How to build the site. */
export interface SiteOptions {
  /** Output folder, relative to ctx.cwd or absolute. */
  out: string;
  /** Archive folder, relative to ctx.cwd or absolute. */
  archive: string;
  /** Public base URL (normalised, ending in `/`), or null for relative links only. */
  baseUrl: string | null;
  /** The tool's version: a different version re-renders everything. */
  generator: string;
  /** Threads for rendering (1 = in-process). */
  jobs: number;
  /** Re-render every file even when its inputs did not change. */
  force?: boolean;
  /** The feeds' author (RFC 4287 requires one): the organisation; null falls back to the site's name. */
  author?: string | null;
  /** Show policies' remote images (config `remoteImages`); default false: each becomes a link with a notice. */
  remoteImages?: boolean;
}

/** What a build did. */
export interface SiteSummary {
  /** Absolute output folder. */
  outDir: string;
  policies: number;
  versions: number;
  /** Files rendered or copied in this build. */
  written: number;
  /** Files left as they were. */
  unchanged: number;
  /** Files removed because the archive no longer has them. */
  removed: number;
  /** Built without a base URL: feeds link relatively (fine locally, not for subscribers). */
  relativeLinks: boolean;
  warnings: string[];
}

/** Work below this many cost units runs in-process: starting workers would cost more than it saves. */
const PARALLEL_THRESHOLD = 24;

/** Runs per thread in a parallel build (see the comment where chunks are made). */
const RUNS_PER_THREAD = 3;

interface Plan {
  /** Files that are up to date, carried into the new manifest. */
  keep: SiteManifest['files'];
  isFresh(path: string, inputs: string): Promise<boolean>;
}

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** Refuses output folders whose contents the build could damage: the repository itself, the archive, a foreign folder. */
async function prepareOutDir(
  ctx: Context,
  outDir: string,
  archiveDir: string,
  generator: string,
): Promise<{ root: string; manifest: SiteManifest; manifestText: string | null }> {
  const label = displayDir(outDir, ctx.cwd);
  const cwd = resolve(ctx.cwd);
  if (isInside(cwd, outDir)) {
    throw new PolicyError('USAGE', MESSAGES.USAGE('refusing to build the site into the repository itself or a folder above it (choose e.g. --out site)', { file: label }));
  }
  if (isInside(outDir, archiveDir) || isInside(archiveDir, outDir)) {
    throw new PolicyError('USAGE', MESSAGES.USAGE('refusing to build the site into or around the archive folder (choose e.g. --out site)', { file: label }));
  }
  // A link would carry the build (and its removals) to wherever it points.
  const link = await lstat(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (link?.isSymbolicLink()) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED('is a symbolic link; policy site builds only into a real folder (remove the link or choose another --out)', { file: label }));
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`cannot create the output folder: ${(error as Error).message}`, { file: label }), { cause: error });
  }
  const info = await stat(outDir);
  if (!info.isDirectory()) throw new PolicyError('NOT_A_FILE', MESSAGES.NOT_A_FILE(label, 'is a file, expected a folder for the site'));
  const root = await realpath(outDir);
  let manifestText: string | null = null;
  try {
    manifestText = await readFile(resolve(root, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (manifestText === null) {
    // Dot files are ignored: temporary files of an interrupted first build, .gitkeep and the like.
    const entries = (await readdir(root)).filter((name) => !name.startsWith('.'));
    if (entries.length > 0) {
      throw new PolicyError('REFUSED', MESSAGES.REFUSED(`not empty and not built by policy site (no ${MANIFEST_FILE}); remove it or choose another --out`, { file: label }));
    }
  }
  const manifest = (manifestText !== null ? parseManifest(manifestText, generator) : null) ?? emptyManifest(generator);
  return { root, manifest, manifestText };
}

function makePlan(root: string, manifest: SiteManifest, force: boolean): Plan {
  const keep: SiteManifest['files'] = {};
  return {
    keep,
    async isFresh(path, inputs) {
      const previous = manifest.files[path];
      if (force || !previous || previous.inputs !== inputs) return false;
      try {
        const info = await stat(resolve(root, ...path.split('/')));
        if (!info.isFile() || info.size !== previous.size) return false;
      } catch {
        return false;
      }
      keep[path] = previous;
      return true;
    },
  };
}

/** The language of the home page: the policies' own when they share one, else English. */
function homeLang(views: PolicyView[]): Lang {
  const langs = new Set(views.map((view) => view.lang));
  return langs.size === 1 ? (views[0]?.lang ?? 'en') : 'en';
}

/** Plans the per-version work of one policy: the items whose outputs are missing or stale. */
async function planVersions(
  view: PolicyView,
  baseUrl: string | null,
  plan: Plan,
  facts: Record<string, VersionFacts>,
  languagesOf: (id: string, entry: ArchivedVersion) => VersionLanguages,
  remoteImages: boolean,
): Promise<RenderItem[]> {
  const items: RenderItem[] = [];
  const entries = view.versions.map((version) => version.entry);
  for (const [i, version] of view.versions.entries()) {
    const { entry } = version;
    const previousEntry = view.versions[i - 1]?.entry ?? null;
    const item: RenderItem = { entry, facts: facts[entry.sha256] === undefined };
    const sourcePath = outputFile(sitePaths.source(view.id, entry.version));
    const sourceInputs = hashInputs('source', entry.sha256);
    if (!(await plan.isFresh(sourcePath, sourceInputs))) item.source = { path: sourcePath, inputs: sourceInputs };
    const pageModel: VersionPageModel = {
      lang: view.lang,
      title: view.title,
      id: view.id,
      view: version,
      current: version.status === 'upcoming' ? view.current : null,
      upcoming: version.status === 'current' ? view.upcoming : null,
      compare: comparePairWithCurrent(entries, entry.version, view.current?.version ?? null),
      languages: languagesOf(view.id, entry),
      baseUrl,
      remoteImages,
    };
    const pagePath = outputFile(sitePaths.version(view.id, entry.version));
    const pageInputs = hashInputs('version', pageModel);
    if (!(await plan.isFresh(pagePath, pageInputs))) item.page = { path: pagePath, inputs: pageInputs, model: pageModel };
    const changesModel: ChangesPageModel = { lang: view.lang, title: view.title, id: view.id, entry, previous: previousEntry, baseUrl };
    const changesPath = outputFile(sitePaths.changes(view.id, entry.version));
    const changesInputs = hashInputs('changes', changesModel);
    if (!(await plan.isFresh(changesPath, changesInputs))) item.changes = { path: changesPath, inputs: changesInputs, model: changesModel };
    const comparePair = pageModel.compare;
    const compareModel = comparePair ? planCompare({ lang: view.lang, title: view.title, id: view.id, baseUrl }, entries, comparePair[0], comparePair[1]) : null;
    if (comparePair && compareModel) {
      const comparePath = outputFile(sitePaths.compare(view.id, comparePair[0], comparePair[1]));
      const compareInputs = hashInputs('compare', compareModel);
      if (!(await plan.isFresh(comparePath, compareInputs))) item.compare = { path: comparePath, inputs: compareInputs, model: compareModel };
    }
    if (item.source || item.page || item.changes || item.compare || item.facts) items.push(item);
  }
  return items;
}

/** Splits each policy's items into contiguous chunks of about `target` cost. */
function makeChunks(perPolicy: { view: PolicyView; items: RenderItem[] }[], base: Omit<RenderChunk, 'id' | 'lang' | 'items'>, target: number): RenderChunk[] {
  const chunks: RenderChunk[] = [];
  for (const { view, items } of perPolicy) {
    let current: RenderItem[] = [];
    let cost = 0;
    for (const item of items) {
      current.push(item);
      cost += estimateCost([item]);
      if (cost >= target) {
        chunks.push({ ...base, id: view.id, lang: view.lang, items: current });
        current = [];
        cost = 0;
      }
    }
    if (current.length > 0) chunks.push({ ...base, id: view.id, lang: view.lang, items: current });
  }
  return chunks;
}

async function stageIfStale(
  output: SiteOutput,
  plan: Plan,
  staged: StagedFile[],
  path: string,
  inputs: string,
  render: () => string | Uint8Array,
): Promise<void> {
  const file = outputFile(path);
  if (await plan.isFresh(file, inputs)) return;
  staged.push(await stageFile(output, file, render(), inputs));
}

/** Stages the light pages of one policy: versions table, feed, latest, current, index.json, status.json. */
async function stagePolicyPages(
  output: SiteOutput,
  plan: Plan,
  staged: StagedFile[],
  view: PolicyView,
  policy: ArchivedPolicy,
  facts: Record<string, VersionFacts>,
  baseUrl: string | null,
  author: string | null,
  today: string,
): Promise<void> {
  const rows = view.versions.map((version, i) => {
    const previous = view.versions[i - 1]?.entry;
    const verdict = facts[version.entry.sha256]?.verdict ?? null;
    return { view: version, triggers: resolveTriggers(version.entry.triggers, previous ? facts[previous.sha256] : undefined), verdict };
  });
  const versionsModel: VersionsPageModel = { lang: view.lang, title: view.title, id: view.id, rows, current: view.current, baseUrl };
  await stageIfStale(output, plan, staged, sitePaths.versions(view.id), hashInputs('versions', versionsModel), () =>
    stringifyHtml(renderVersionsPage(versionsModel)),
  );
  const feedModel: FeedModel = {
    lang: view.lang,
    title: view.title,
    id: view.id,
    entries: rows.map((row) => ({ entry: row.view.entry, triggers: row.triggers, changeNote: facts[row.view.entry.sha256]?.changeNote ?? null, verdict: row.verdict })),
    baseUrl,
    author,
  };
  await stageIfStale(output, plan, staged, sitePaths.feed(view.id), hashInputs('feed', feedModel), () => renderFeed(feedModel));
  for (const kind of ['latest', 'current'] as const) {
    const model: LatestPageModel = { kind, lang: view.lang, title: view.title, id: view.id, version: kind === 'latest' ? view.latest : view.inEffect, baseUrl };
    await stageIfStale(output, plan, staged, kind === 'latest' ? sitePaths.latest(view.id) : sitePaths.current(view.id), hashInputs(kind, model), () =>
      stringifyHtml(renderLatestPage(model)),
    );
  }
  await stageIfStale(output, plan, staged, sitePaths.index(view.id), hashInputs('index', policy.indexBytes.toString('base64')), () => policy.indexBytes);
  const status = buildPolicyStatus(policy.index, today);
  await stageIfStale(output, plan, staged, sitePaths.status(view.id), hashInputs('status', status), () => `${JSON.stringify(status, null, 2)}\n`);
}

/** Builds (or brings up to date) the site. */
export async function writeSite(ctx: Context, options: SiteOptions): Promise<SiteSummary> {
  const warnings: string[] = [];
  const archiveDir = resolve(ctx.cwd, options.archive);
  const outDir = resolve(ctx.cwd, options.out);
  const policies = await readArchivedPolicies(archiveDir, ctx.cwd, (message) => warnings.push(message));
  const { root, manifest, manifestText: previousManifestText } = await prepareOutDir(ctx, outDir, archiveDir, options.generator);
  const plan = makePlan(root, manifest, options.force ?? false);
  const output = openSiteOutput(root);
  const today = todayIso(ctx.now());
  const views = policies.map((policy) => buildPolicyView(policy.index, today));
  const facts: Record<string, VersionFacts> = {};
  for (const view of views) {
    for (const { entry } of view.versions) {
      const known = manifest.facts[entry.sha256];
      if (known) facts[entry.sha256] = known;
    }
  }

  const staged: StagedFile[] = [];
  try {
    const perPolicy: { view: PolicyView; items: RenderItem[] }[] = [];
    const languagesOf = buildLanguageLookup(policies.map((policy) => policy.index));
    for (const view of views) perPolicy.push({ view, items: await planVersions(view, options.baseUrl, plan, facts, languagesOf, options.remoteImages ?? false) });
    const totalCost = perPolicy.reduce((sum, { items }) => sum + estimateCost(items), 0);
    const parallel = options.jobs > 1 && totalCost >= PARALLEL_THRESHOLD && workersAvailable();
    // Contiguous runs, a few per thread: each run parses the version before its first one (and the current
    // one) again and renders its first version without the section cache, so runs should be long; but the
    // cost estimate is rough, and a few runs per thread let a thread that finishes early take the next one.
    const target = parallel ? Math.max(PARALLEL_THRESHOLD / 2, Math.ceil(totalCost / (options.jobs * RUNS_PER_THREAD))) : Number.POSITIVE_INFINITY;
    const chunks = makeChunks(perPolicy, { archiveDir, outDir: root, cwd: ctx.cwd }, target);
    await runChunks(chunks, parallel ? options.jobs : 1, (result) => {
      staged.push(...result.staged);
      Object.assign(facts, result.facts);
    });

    for (const [i, view] of views.entries()) {
      await stagePolicyPages(output, plan, staged, view, policies[i] as ArchivedPolicy, facts, options.baseUrl, options.author ?? null, today);
    }
    const homeModel: HomePageModel = {
      lang: homeLang(views),
      policies: views.flatMap((view) => {
        const latest = view.versions.find((version) => version.entry.version === view.inEffect)?.entry;
        const newest = view.versions.at(-1)?.entry;
        return latest && newest ? [{ id: view.id, title: view.title, lang: view.lang, latest, newest, count: view.versions.length }] : [];
      }),
      baseUrl: options.baseUrl,
    };
    await stageIfStale(output, plan, staged, sitePaths.home(), hashInputs('home', homeModel), () => stringifyHtml(renderHomePage(homeModel)));
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }

  const files: SiteManifest['files'] = { ...plan.keep };
  for (const file of staged) files[file.path] = { inputs: file.inputs, sha256: file.sha256, size: file.size };
  const stale = Object.keys(manifest.files).filter((path) => !(path in files));
  const liveShas = new Set(views.flatMap((view) => view.versions.map((version) => version.entry.sha256)));
  const nextManifest: SiteManifest = {
    ...emptyManifest(options.generator),
    files,
    facts: Object.fromEntries(Object.entries(facts).filter(([sha]) => liveShas.has(sha))),
  };
  const manifestText = renderManifest(nextManifest);
  let manifestFile: StagedFile | null = null;
  try {
    // An unchanged manifest is left alone, so a build that changes nothing writes nothing.
    if (manifestText !== previousManifestText) manifestFile = await stageFile(output, MANIFEST_FILE, manifestText, '');
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  // The manifest goes last: if anything before it fails, the old manifest still describes what is on disk well enough to redo the work.
  await commitStaged(staged);
  for (const path of stale) await removeSiteFile(root, path);
  if (manifestFile) await commitStaged([manifestFile]);

  return {
    outDir: root,
    policies: views.length,
    versions: views.reduce((sum, view) => sum + view.versions.length, 0),
    written: staged.length,
    unchanged: Object.keys(plan.keep).length,
    removed: stale.length,
    relativeLinks: options.baseUrl === null && views.length > 0,
    warnings,
  };
}
