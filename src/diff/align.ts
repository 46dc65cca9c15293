/**
 * Block alignment: which blocks of the old version correspond to which blocks of
 * the new one. Equal blocks are matched by key (longest common subsequence), then
 * the leftovers between two matches are paired by text similarity (a modified
 * block), and a block removed in one place and added unchanged in another is a move.
 */
import { TUNING } from '../classify/tuning.js';
import { diffArrays } from 'diff';
import type { Block } from '../types.js';
import { containedSimilarity, similarity } from './similarity.js';

/** One aligned pair; -1 on a side means the block is absent there. */
export interface Alignment {
  kind: 'added' | 'removed' | 'modified' | 'moved';
  oldIndex: number;
  newIndex: number;
}

const ALIGN_TIMEOUT_MS = 2000;
/** Least similarity for a removed and an added block to count as one modified block (tuning.ts `alignment`). */
const PAIR_THRESHOLD = TUNING.alignment.pair;
/** Runs larger than this (removed × added) are paired greedily instead of optimally. */
const DP_LIMIT = 250_000;

interface Run {
  removed: number[];
  added: number[];
  /** Index in the new version where the run starts. */
  at: number;
}

/** Indices of the longest increasing subsequence of `values`. */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < values[i]!) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const result: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) result.push(i);
  return result.reverse();
}

/** Equal pairs of one gap by Myers' diff (jsdiff), bounded in time. */
function matchGap(oldKeys: readonly string[], newKeys: readonly string[], oldStart: number, newStart: number, out: [number, number][]): void {
  if (oldKeys.length === 0 || newKeys.length === 0) return;
  const ops = diffArrays(oldKeys as string[], newKeys as string[], { timeout: ALIGN_TIMEOUT_MS });
  if (!ops) return;
  let oldAt = oldStart;
  let newAt = newStart;
  for (const op of ops) {
    const count = op.value.length;
    if (op.removed) oldAt += count;
    else if (op.added) newAt += count;
    else for (let i = 0; i < count; i++) out.push([oldAt++, newAt++]);
  }
}

/**
 * Pairs of equal blocks, in order (patience diff): blocks whose key occurs once
 * on each side anchor the alignment, and the gaps between anchors are diffed
 * with Myers' algorithm. Large documents with many edits stay fast because the
 * gaps stay small.
 */
function matchEqualBlocks(oldKeys: readonly string[], newKeys: readonly string[], oldStart: number, newStart: number): [number, number][] {
  const counts = new Map<string, [number, number, number]>();
  oldKeys.forEach((key, i) => {
    const entry = counts.get(key);
    if (entry) entry[0]++;
    else counts.set(key, [1, 0, i]);
  });
  const unique: [number, number][] = [];
  for (const key of newKeys) {
    const entry = counts.get(key);
    if (entry) entry[1]++;
  }
  newKeys.forEach((key, j) => {
    const entry = counts.get(key);
    if (entry && entry[0] === 1 && entry[1] === 1) unique.push([entry[2], j]);
  });
  unique.sort((x, y) => x[0] - y[0]);
  const anchors = longestIncreasing(unique.map(([, j]) => j)).map((i) => unique[i]!);
  const pairs: [number, number][] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [i, j] of [...anchors, [oldKeys.length, newKeys.length] as [number, number]]) {
    matchGap(oldKeys.slice(oldAt, i), newKeys.slice(newAt, j), oldStart + oldAt, newStart + newAt, pairs);
    if (i < oldKeys.length) pairs.push([oldStart + i, newStart + j]);
    oldAt = i + 1;
    newAt = j + 1;
  }
  return pairs;
}

/** Runs of removed and added blocks between stretches of equal ones. */
function runsBetweenMatches(oldBlocks: readonly Block[], newBlocks: readonly Block[]): Run[] {
  let prefix = 0;
  while (prefix < oldBlocks.length && prefix < newBlocks.length && oldBlocks[prefix]!.key === newBlocks[prefix]!.key) prefix++;
  let suffix = 0;
  while (
    suffix < oldBlocks.length - prefix &&
    suffix < newBlocks.length - prefix &&
    oldBlocks[oldBlocks.length - 1 - suffix]!.key === newBlocks[newBlocks.length - 1 - suffix]!.key
  ) suffix++;
  const oldKeys = oldBlocks.slice(prefix, oldBlocks.length - suffix).map((block) => block.key);
  const newKeys = newBlocks.slice(prefix, newBlocks.length - suffix).map((block) => block.key);
  const pairs = matchEqualBlocks(oldKeys, newKeys, prefix, prefix);
  pairs.push([oldBlocks.length - suffix, newBlocks.length - suffix]);
  const runs: Run[] = [];
  let oldAt = prefix;
  let newAt = prefix;
  for (const [i, j] of pairs) {
    if (i > oldAt || j > newAt) {
      const run: Run = { removed: [], added: [], at: newAt };
      for (let k = oldAt; k < i; k++) run.removed.push(k);
      for (let k = newAt; k < j; k++) run.added.push(k);
      runs.push(run);
    }
    oldAt = i + 1;
    newAt = j + 1;
  }
  return runs;
}

/** A shorter block found this closely inside a longer one is the same block with text added or cut … */
const CONTAINED_THRESHOLD = TUNING.alignment.contained;
/** … when it is at least this long (characters): short texts turn up inside anything. */
const CONTAINED_MIN_LENGTH = TUNING.alignment.containedMinLength;
/** Slack of the cheap filter before the costly containment test (the bound is an estimate). */
const CONTAINED_SLACK = 0.05;

function pairScore(a: Block, b: Block): number {
  let score = similarity(a.text, b.text);
  const short = Math.min(a.text.length, b.text.length, 4000);
  const long = Math.min(Math.max(a.text.length, b.text.length), 4000);
  // Dice counts the shared bigrams: the shorter text cannot lie inside the longer more closely than those allow (cheap filter).
  const bound = (score * (short + long - 2)) / 2 / Math.max(1, short - 1);
  if (score < PAIR_THRESHOLD && short >= CONTAINED_MIN_LENGTH && bound >= CONTAINED_THRESHOLD - CONTAINED_SLACK) {
    const contained = containedSimilarity(a.text, b.text);
    // Scaled to reach the pairing threshold at CONTAINED_THRESHOLD and half as much again at 1: a close look-alike still wins.
    if (contained >= CONTAINED_THRESHOLD) score = Math.max(score, (PAIR_THRESHOLD * contained) / CONTAINED_THRESHOLD);
  }
  const sameFamily = a.kind === b.kind || (a.kind !== 'heading' && b.kind !== 'heading');
  return sameFamily ? score : score - TUNING.alignment.headingPenalty;
}

/** Pairs removed with added blocks of one run, in order, maximising total similarity. */
function pairRun(run: Run, oldBlocks: readonly Block[], newBlocks: readonly Block[]): Alignment[] {
  const { removed, added } = run;
  const r = removed.length;
  const a = added.length;
  const pairs: [number, number][] = [];
  if (r > 0 && a > 0 && r * a <= DP_LIMIT) {
    const score = (i: number, j: number) => pairScore(oldBlocks[removed[i]!]!, newBlocks[added[j]!]!);
    const table = new Float64Array((r + 1) * (a + 1));
    const at = (i: number, j: number) => i * (a + 1) + j;
    const sims = new Float64Array(r * a);
    for (let i = 1; i <= r; i++) {
      for (let j = 1; j <= a; j++) {
        const sim = score(i - 1, j - 1);
        sims[(i - 1) * a + (j - 1)] = sim;
        const diagonal = sim >= PAIR_THRESHOLD ? table[at(i - 1, j - 1)]! + sim : -Infinity;
        table[at(i, j)] = Math.max(table[at(i - 1, j)]!, table[at(i, j - 1)]!, diagonal);
      }
    }
    let i = r;
    let j = a;
    while (i > 0 && j > 0) {
      const sim = sims[(i - 1) * a + (j - 1)]!;
      if (sim >= PAIR_THRESHOLD && table[at(i, j)] === table[at(i - 1, j - 1)]! + sim) {
        pairs.push([i - 1, j - 1]);
        i--;
        j--;
      } else if (table[at(i, j)] === table[at(i - 1, j)]) i--;
      else j--;
    }
    pairs.reverse();
  } else if (r > 0 && a > 0) {
    // Too large for the table: walk both sides in order, pairing look-alikes.
    let j = 0;
    for (let i = 0; i < r && j < a; i++) {
      if (pairScore(oldBlocks[removed[i]!]!, newBlocks[added[j]!]!) >= PAIR_THRESHOLD) pairs.push([i, j++]);
    }
  }
  const alignments: Alignment[] = [];
  const pairedOld = new Set(pairs.map(([i]) => i));
  const pairedNew = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) alignments.push({ kind: 'modified', oldIndex: removed[i]!, newIndex: added[j]! });
  removed.forEach((index, i) => pairedOld.has(i) || alignments.push({ kind: 'removed', oldIndex: index, newIndex: -1 }));
  added.forEach((index, j) => pairedNew.has(j) || alignments.push({ kind: 'added', oldIndex: -1, newIndex: index }));
  return alignments;
}

/** Aligns two block lists and returns every difference, in the order of the new version. Pure. */
export function alignBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): Alignment[] {
  const runs = runsBetweenMatches(oldBlocks, newBlocks);

  // Moves first: a block removed in one place and added, unchanged, in another.
  const addedByKey = new Map<string, number[]>();
  for (const run of runs) for (const index of run.added) {
    const key = newBlocks[index]!.key;
    const list = addedByKey.get(key);
    if (list) list.push(index);
    else addedByKey.set(key, [index]);
  }
  const moves: Alignment[] = [];
  const movedOld = new Set<number>();
  const movedNew = new Set<number>();
  for (const run of runs) for (const index of run.removed) {
    const candidates = addedByKey.get(oldBlocks[index]!.key);
    const target = candidates?.shift();
    if (target !== undefined) {
      moves.push({ kind: 'moved', oldIndex: index, newIndex: target });
      movedOld.add(index);
      movedNew.add(target);
    }
  }

  const positioned: { alignment: Alignment; position: number }[] = [];
  for (const run of runs) {
    const rest: Run = {
      removed: run.removed.filter((index) => !movedOld.has(index)),
      added: run.added.filter((index) => !movedNew.has(index)),
      at: run.at,
    };
    // A removal sits in the new version just before the block that follows the run.
    const anchor = run.at;
    for (const alignment of pairRun(rest, oldBlocks, newBlocks)) {
      const position = alignment.newIndex >= 0 ? alignment.newIndex : anchor - 0.5 + alignment.oldIndex * 1e-9;
      positioned.push({ alignment, position });
    }
  }
  for (const move of moves) positioned.push({ alignment: move, position: move.newIndex });
  positioned.sort((x, y) => x.position - y.position);
  return positioned.map((entry) => entry.alignment);
}
