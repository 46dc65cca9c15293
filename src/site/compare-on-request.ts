/**
 * `policy serve` answers `/<id>/compare/<a>...<b>/` for any two archived
 * versions, rendering the page on request (the static site only holds each
 * version compared with the current one). Rendered pages are kept in a cache
 * of bounded size, keyed by the two files' hashes, so an archive that grows
 * while the server runs is never answered from a stale page.
 */
import { join, relative } from 'node:path';
import { readArchiveIndex } from '../archive/index-file.js';
import { readArchivedBytes } from '../archive/store.js';
import { isVersion } from '../archive/version.js';
import { parsePolicyBytes } from '../policy/parse-policy.js';
import { comparePolicies } from '../revision.js';
import { stringifyHtml } from './html.js';
import { planCompare, renderComparePage } from './pages/compare.js';
import { isSafeName } from './paths.js';

/** Renders the compare page of `id` between `from` (older) and `to`; null for an unknown policy, version or a reversed pair. */
export type CompareRenderer = (id: string, from: string, to: string) => Promise<string | null>;

/** Where the archive is and how many rendered pages to keep. */
export interface CompareRendererOptions {
  /** Absolute archive folder. */
  archiveDir: string;
  /** For file names in messages. */
  cwd: string;
  baseUrl: string | null;
  /** Pages kept in memory, least recently used dropped first. Default 32. */
  capacity?: number;
}

/** The pair a compare segment names: `<a>...<b>`; null when it is not one. Pure. */
export function parseComparePair(segment: string): [string, string] | null {
  const parts = segment.split('...');
  if (parts.length !== 2) return null;
  const [from, to] = parts as [string, string];
  return isVersion(from) && isVersion(to) ? [from, to] : null;
}

/** A renderer of compare pages with a bounded cache of rendered pages. */
export function createCompareRenderer(options: CompareRendererOptions): CompareRenderer & { cached(): number } {
  const capacity = options.capacity ?? 32;
  const cache = new Map<string, string>();
  const render = async (id: string, from: string, to: string): Promise<string | null> => {
    if (!isSafeName(id)) return null;
    const index = await readArchiveIndex(options.archiveDir, id);
    if (index === null) return null;
    const model = planCompare({ lang: index.lang, title: index.title, id, baseUrl: options.baseUrl }, index.versions, from, to);
    if (model === null) return null;
    const key = `${id}\0${model.from.sha256}\0${model.to.sha256}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the page as most recently used.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const label = (file: string): string => relative(options.cwd, join(options.archiveDir, id, file)) || file;
    const parse = async (entry: typeof model.from) =>
      parsePolicyBytes(await readArchivedBytes(options.archiveDir, id, entry, label(entry.file)), label(entry.file), id);
    const html = stringifyHtml(renderComparePage(model, comparePolicies(await parse(model.from), await parse(model.to))));
    cache.set(key, html);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return html;
  };
  return Object.assign(render, { cached: () => cache.size });
}
