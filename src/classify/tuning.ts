/**
 * Every threshold and weight of the classifier (and of the block alignment it reads), in one object validated on load: a maintainer
 * tunes here, never in the code that uses them. Tuned on the development set and the blind sets
 * under test/fixtures/holdout-*; changing one is a change of the classifier and re-scores them.
 */

/** The tuning of the classifier. */
export interface Tuning {
  /** How the section, the changed words and the block are weighed to pick the governing trigger. */
  governance: {
    /** Weight of the section profile (heading path and section content). */
    section: number;
    /** Weight of the changed words. */
    change: number;
    /** Weight of the whole block's text. */
    block: number;
    /** A trigger governs a change when its combined score reaches this. */
    threshold: number;
    /** A substantive change whose score is this close to `threshold` is in doubt (low confidence). */
    doubt: number;
    /** A trigger speaks of a family of change (the edit first) when its score for the family alone exceeds this. */
    familyFloor: number;
    /** Weight of the sentences around the edit, beside the changed words themselves. */
    context: number;
    /** Weight of the concepts the findings name, beside the changed words. */
    concepts: number;
  };
  /** How removed and added blocks are paired as one rewritten block. */
  pairing: {
    /** A removed and an added block this similar are one rewritten block. */
    similarity: number;
    /** Above this many removed × added pairs, only blocks this close in the change list are compared (bounded time). */
    budget: number;
    window: number;
    /** A front-matter trigger and a new one this similar are one trigger reworded. */
    triggerSimilarity: number;
    /** Content-key length a text needs to be looked for inside another (a split-off block, a company name); shorter keys match by chance. */
    minKey: number;
    /** Content-key length two blocks need before one holding the other whole pairs them. */
    containsKey: number;
  };
  /** Reading a modified block's substance (detectors/). */
  edits: {
    /** A passage is rewritten when its old and new texts are less similar than this … */
    rewriteSimilarity: number;
    /** … and the change has at least this many content words. */
    rewriteWords: number;
    /** A hunk is a whole sentence added or cut when whole sentences make up this share of its words. */
    wholeSentenceShare: number;
    /** A run is a clause with this many ideographs (Chinese) … */
    clauseIdeographs: number;
    /** … or this many content words (other languages). */
    clauseWords: number;
    /** A passage is recast (detectors/recast.ts) when at least this many content words the edit brought in were already in it … */
    recastMoved: number;
    /** … and it cut or brought in at most this many content words that are not elsewhere in the other version. */
    recastNewWords: number;
  };
  /** Block alignment (src/diff/align.ts): when a removed and an added block are one modified block. */
  alignment: {
    /** Least similarity for the pair. */
    pair: number;
    /** A shorter block found this closely inside a longer one is the same block with text added or cut … */
    contained: number;
    /** … when it is at least this long (characters): short texts turn up inside anything. */
    containedMinLength: number;
    /** Taken off the similarity of a heading paired with a block of another family. */
    headingPenalty: number;
  };
  /** Harmless edits (trivial.ts). */
  harmless: {
    /** A latin word this long may differ from its fix by one letter (a typo) … */
    typoShortWord: number;
    /** … and one this long by two. */
    typoLongWord: number;
    /** A misspelling recognised by its kind of slip (recieve, aggregrated) has at least this many letters. */
    misspellingLetters: number;
    /** A run of only pronouns and particles has at most this many words (or ideographs). */
    functionWordsRun: number;
    /** A deleted run still present elsewhere in the block is a duplicate when it is at most this many ideographs … */
    duplicateIdeographs: number;
    /** … or content words. */
    duplicateWords: number;
  };
  /** Confidence. */
  confidence: {
    /** A rewording that brings in this many new content words, none of which a rule reads, is in doubt. */
    unreadWords: number;
  };
  /** Weights of the concept vectors that match sections and edits to triggers (affinity.ts). */
  affinity: {
    /** Per distinct concept, times log2(1 + count). */
    concept: number;
    /** Added to the concept's family for each commitment concept. */
    family: number;
    /** The same for a trigger's own text: a trigger is short, and its family is what it is about. */
    triggerFamily: number;
    /** Per content word (headings, triggers and changed text only). */
    word: number;
    /** A heading counts this many times its section's content. */
    heading: number;
    /** Each level up the heading path counts this fraction of the level below. */
    parentDecay: number;
    /** The document's title section (the one above every other) counts this fraction. */
    title: number;
  };
}

/** Checks a tuning object: every entry a finite number, fractions in [0, 1], counts positive. Throws naming the entry. */
export function validateTuning<T extends Tuning>(tuning: T): T {
  const fractions = new Set(['governance.threshold', 'governance.doubt', 'governance.familyFloor', 'alignment.pair', 'alignment.contained', 'alignment.headingPenalty', 'pairing.similarity', 'pairing.triggerSimilarity', 'edits.rewriteSimilarity', 'edits.wholeSentenceShare', 'affinity.parentDecay', 'affinity.title']);
  const counts = new Set(['alignment.containedMinLength', 'harmless.typoShortWord', 'harmless.typoLongWord', 'harmless.misspellingLetters', 'harmless.functionWordsRun', 'harmless.duplicateIdeographs', 'harmless.duplicateWords', 'pairing.budget', 'pairing.window', 'pairing.minKey', 'pairing.containsKey', 'confidence.unreadWords', 'edits.rewriteWords', 'edits.clauseIdeographs', 'edits.clauseWords', 'edits.recastMoved', 'edits.recastNewWords']);
  for (const [group, entries] of Object.entries(tuning) as Array<[string, Record<string, unknown>]>) {
    for (const [key, value] of Object.entries(entries)) {
      const name = `${group}.${key}`;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`tuning "${name}": expected a finite number ≥ 0, got ${String(value)}`);
      if (fractions.has(name) && value > 1) throw new Error(`tuning "${name}": expected a fraction between 0 and 1, got ${value}`);
      if (counts.has(name) && (!Number.isInteger(value) || value < 1)) throw new Error(`tuning "${name}": expected a whole number ≥ 1, got ${value}`);
    }
  }
  return tuning;
}

/** The classifier's tuning. */
export const TUNING: Readonly<Tuning> = validateTuning({
  governance: { section: 1, change: 0.6, block: 0.25, threshold: 0.3, doubt: 0.05, familyFloor: 0.2, context: 0.5, concepts: 0.5 },
  pairing: { similarity: 0.6, budget: 40_000, window: 60, triggerSimilarity: 0.5, minKey: 4, containsKey: 8 },
  edits: { rewriteSimilarity: 0.5, rewriteWords: 4, wholeSentenceShare: 0.8, clauseIdeographs: 7, clauseWords: 4, recastMoved: 3, recastNewWords: 3 },
  alignment: { pair: 0.4, contained: 0.8, containedMinLength: 12, headingPenalty: 0.25 },
  harmless: { typoShortWord: 4, typoLongWord: 7, misspellingLetters: 5, functionWordsRun: 8, duplicateIdeographs: 8, duplicateWords: 3 },
  confidence: { unreadWords: 4 },
  affinity: { concept: 1, family: 0.6, triggerFamily: 1.2, word: 0.35, heading: 3, parentDecay: 0.5, title: 0.3 },
});
