/**
 * Which trigger governs which part of a policy. Triggers, section headings, section
 * content and changed text all become vectors of features — lexicon concepts, their
 * families, and content words — and are compared by cosine similarity, with features
 * that many triggers share weighted down (inverse trigger frequency).
 */
import type { Block, Policy, Trigger } from '../types.js';
import { findConcepts, familyOf, isStrong } from './concepts.js';
import { extractEntities } from './entities.js';
import { contentWords, hasCjk, normalizeText, stem } from './text.js';
import { memoize } from './memo.js';
import { TUNING } from './tuning.js';

/** Sparse feature vector: `c:<concept>`, `f:<family>`, `w:<word>`. */
export type Vector = Map<string, number>;

/** The weights (tuning.ts). */
const AFFINITY_WEIGHTS = TUNING.affinity;

function add(v: Vector, key: string, x: number): void {
  v.set(key, (v.get(key) ?? 0) + x);
}

/** Adds `w · b` into `a`. */
export function addInto(a: Vector, b: Vector, w = 1): Vector {
  for (const [k, x] of b) add(a, k, x * w);
  return a;
}

/** Features of a text: its concepts (and their families), and optionally its content words. Headings (`heading`) count ambiguous terms in full. */
export function featuresOf(text: string, opts: { words?: boolean; heading?: boolean; familyWeight?: number } = {}): Vector {
  const v: Vector = new Map();
  const counts = new Map<string, number>();
  const strongCounts = new Map<string, number>();
  // A named region (境外, the EEA, the United States) speaks of where data goes.
  const regions = extractEntities(text).filter((e) => e.type === 'region').length;
  if (regions > 0) counts.set('location', regions * 0.5);
  for (const h of findConcepts(text)) {
    const full = !h.weak || h.connective || opts.heading === true;
    counts.set(h.concept, (counts.get(h.concept) ?? 0) + (full ? 1 : 0.5));
    if (full && isStrong(h.concept)) strongCounts.set(h.concept, (strongCounts.get(h.concept) ?? 0) + 1);
  }
  for (const [id, n] of counts) add(v, `c:${id}`, AFFINITY_WEIGHTS.concept * Math.log2(1 + n));
  // Families gather only commitment terms: "use" and "process" are everywhere and say little.
  for (const [id, n] of strongCounts) {
    const fam = familyOf(id);
    if (fam) add(v, `f:${fam}`, (opts.familyWeight ?? AFFINITY_WEIGHTS.family) * Math.log2(1 + n));
  }
  if (opts.words) {
    for (const w of new Set(contentWords(text).map(stem))) {
      if (w.length < 2 && !hasCjk(w)) continue;
      if (/^\p{N}+$/u.test(w)) continue;
      add(v, `w:${w}`, AFFINITY_WEIGHTS.word);
    }
  }
  return v;
}

/** The features of one concept alone (a signal's concept fed into the trigger choice). */
export function conceptFeatures(id: string): Vector {
  const v: Vector = new Map([[`c:${id}`, AFFINITY_WEIGHTS.concept]]);
  const fam = familyOf(id);
  if (fam) v.set(`f:${fam}`, AFFINITY_WEIGHTS.family);
  return v;
}

/** The trigger list as vectors, ready to score anything against. */
export interface TriggerModel {
  triggers: Trigger[];
  /** Unit vectors, idf-weighted. */
  vectors: Vector[];
  idf: Map<string, number>;
}

/** Builds the trigger model: each trigger's concepts plus its own content words. */
export function modelTriggers(triggers: Trigger[]): TriggerModel {
  const raw = triggers.map((t) => featuresOf(t.text, { words: true, heading: true, familyWeight: AFFINITY_WEIGHTS.triggerFamily }));
  const df = new Map<string, number>();
  for (const v of raw) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = triggers.length;
  const idf = new Map<string, number>();
  for (const [k, d] of df) idf.set(k, Math.log((n + 1) / d));
  const vectors = raw.map((v) => unit(weighted(v, idf)));
  return { triggers, vectors, idf };
}

function weighted(v: Vector, idf: Map<string, number>): Vector {
  const out: Vector = new Map();
  for (const [k, x] of v) {
    const w = idf.get(k);
    if (w !== undefined && w > 0) out.set(k, x * w);
  }
  return out;
}

function unit(v: Vector): Vector {
  let s = 0;
  for (const x of v.values()) s += x * x;
  const n = Math.sqrt(s);
  if (n === 0) return v;
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, x / n);
  return out;
}

/** Cosine of `v` (restricted to the triggers' features) with each trigger, in trigger order. */
export function scoreTriggers(model: TriggerModel, v: Vector): number[] {
  const u = unit(weighted(v, model.idf));
  return model.vectors.map((t) => {
    let dot = 0;
    for (const [k, x] of u) dot += x * (t.get(k) ?? 0);
    return dot;
  });
}

/** Section features of a policy, for the section profile of any block. */
export interface SectionIndex {
  profile(blockIndex: number): Vector;
  /** Heading path of the block's section (a heading's own section includes itself). */
  path(blockIndex: number): string[];
  /** How much the section says about its blocks: 1, or less for the preamble (text before the first heading, or under the lone title). */
  strength(blockIndex: number): number;
}

const SEP = '\u0000';

/**
 * Features of a section's text, remembered across the two versions of a
 * revision: most sections are the same in both, and the document frequencies
 * need every section of each. Room for the sections of a 10 MB policy.
 */
const sectionFeatures = memoize((text: string) => featuresOf(text), 1 << 16);

/**
 * Indexes a policy's sections. Content of blocks in `exclude` (the trigger list: it names
 * every trigger, so it must not make its own section look governed by all of them) is ignored.
 */
export function indexSections(policy: Policy, exclude: [number, number] | null = null): SectionIndex {
  const blocks = policy.blocks;
  const nodePath = (b: Block): string[] => (b.kind === 'heading' ? [...b.section, b.text] : b.section);
  const content = new Map<string, string[]>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') continue;
    if (exclude && i >= exclude[0] && i < exclude[1]) continue;
    const key = nodePath(b).join(SEP);
    let list = content.get(key);
    if (!list) content.set(key, (list = []));
    list.push(normalizeText(b.text));
  }
  const headings = blocks.filter((b) => b.kind === 'heading');
  const topLevel = new Set(headings.filter((b) => b.section.length === 0).map((b) => b.text));
  // A title: the one top-level heading, above every other (the seed's "# 隐私政策"); its own text is the preamble.
  const title = topLevel.size === 1 && headings.length > 1 && headings[0]!.section.length === 0 ? headings[0]!.text : null;
  const rawCache = new Map<string, Vector>();
  const raw = (path: string[]): Vector => {
    const key = path.join(SEP);
    let v = rawCache.get(key);
    if (v) return v;
    v = new Map();
    const heading = path[path.length - 1];
    if (heading !== undefined) addInto(v, featuresOf(normalizeText(heading), { words: true, heading: true }), AFFINITY_WEIGHTS.heading);
    const text = content.get(key);
    if (text) addInto(v, sectionFeatures(text.join('\n')));
    rawCache.set(key, v);
    return v;
  };
  // Features found in most sections ("collect", "use") tell sections apart less than rare ones: weigh by inverse section frequency.
  let docIdf: Map<string, number> | undefined;
  const idfOf = (): Map<string, number> => {
    if (docIdf) return docIdf;
    const paths = new Map<string, string[]>();
    for (const b of blocks) paths.set(nodePath(b).join(SEP), nodePath(b));
    const df = new Map<string, number>();
    for (const path of paths.values()) for (const k of raw(path).keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const n = paths.size;
    docIdf = new Map([...df].map(([k, d]) => [k, Math.log(1 + n / d)]));
    return docIdf;
  };
  const nodeCache = new Map<string, Vector>();
  const node = (path: string[]): Vector => {
    const key = path.join(SEP);
    let v = nodeCache.get(key);
    if (v) return v;
    const idf = idfOf();
    v = new Map([...raw(path)].map(([k, x]) => [k, x * (idf.get(k) ?? 1)]));
    nodeCache.set(key, v);
    return v;
  };
  const isPreamble = (path: string[]): boolean => (path.length === 0 && headings.length > 0) || (title !== null && path.length === 1 && path[0] === title);
  const profileCache = new Map<string, Vector>();
  return {
    path: (i) => nodePath(blocks[i]!),
    strength: (i) => (isPreamble(nodePath(blocks[i]!)) ? AFFINITY_WEIGHTS.title : 1),
    profile(i: number): Vector {
      const path = nodePath(blocks[i]!);
      const key = path.join(SEP);
      const cached = profileCache.get(key);
      if (cached) return cached;
      const v: Vector = new Map();
      let w = 1;
      for (let d = path.length; d >= 0; d--) {
        // The document title and the preamble say little about any one part.
        const up = path.slice(0, d);
        addInto(v, node(up), w * (d < path.length && isPreamble(up) ? AFFINITY_WEIGHTS.title : 1));
        w *= AFFINITY_WEIGHTS.parentDecay;
      }
      profileCache.set(key, v);
      return v;
    },
  };
}
