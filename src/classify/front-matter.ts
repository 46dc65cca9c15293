/** Front matter changes: keys a reader sees (title) are minor; a trigger list kept there (`majorChangeTriggers`) is compared item by item. */
import type { Block, Change, Policy } from '../types.js';
import { makeSignal, type Analysis, type Signal } from './signals.js';
import { normalizeText, similarity } from './text.js';
import { TUNING } from './tuning.js';

/** A changed front-matter key: minor, unless it is the trigger list (`majorChangeTriggers`). */
export function analyzeFrontMatter(change: Change, old: Policy, neu: Policy, readEdit: EditReader): Analysis {
  const text = (change.newBlock ?? change.oldBlock)!.text;
  const key = text.slice(0, Math.max(0, text.indexOf(':')));
  if (key === 'majorChangeTriggers') {
    const signals = frontMatterTriggerSignals(old, neu, readEdit);
    if (signals.length > 0) return { signals, changedText: '' };
  }
  const from = change.oldBlock ? change.oldBlock.text.slice(key.length + 1).trim() : null;
  const to = change.newBlock ? change.newBlock.text.slice(key.length + 1).trim() : null;
  return { signals: [makeSignal('front-matter', { id: 'front-matter', key, from, to })], changedText: '' };
}

/** Reads an edit of one block (detectors/walk.ts `analyzeEdit`), and tells a substantive finding. */
export interface EditReader {
  analyze: (before: Block, after: Block) => Analysis;
  isSubstantive: (s: Signal) => boolean;
}

/** Edits of a trigger list kept in front matter (no block shows them): compared item by item; a typo-level fix stays minor. */
export function frontMatterTriggerSignals(old: Policy, neu: Policy, readEdit: EditReader): Signal[] {
  if (old.triggerSource !== 'front-matter' || neu.triggerSource !== 'front-matter') return [];
  const out: Signal[] = [];
  const unmatched = [...neu.triggers];
  for (const t of old.triggers) {
    const same = unmatched.findIndex((u) => normalizeText(u.text) === normalizeText(t.text));
    if (same >= 0) {
      unmatched.splice(same, 1);
      continue;
    }
    let best = -1;
    let bestSim = TUNING.pairing.triggerSimilarity;
    unmatched.forEach((u, k) => {
      const sim = similarity(u.text, t.text);
      if (sim > bestSim) {
        bestSim = sim;
        best = k;
      }
    });
    if (best >= 0) {
      const u = unmatched.splice(best, 1)[0]!;
      const a = readEdit.analyze(frontMatterBlock(t.text), frontMatterBlock(u.text));
      if (a.signals.some((x) => readEdit.isSubstantive(x) || x.kind === 'rewording')) {
        out.push(makeSignal('trigger-edited', { id: 'trigger-edited', index: t.index, from: t.text, to: u.text, frontMatter: true }, [], { trigger: t.index, rule: 'trigger-edited' }));
      } else out.push(...a.signals);
    } else {
      out.push(makeSignal('trigger-removed', { id: 'trigger-removed', index: t.index, text: t.text, frontMatter: true }, [], { trigger: t.index, rule: 'trigger-removed' }));
    }
  }
  for (const u of unmatched) out.push(makeSignal('trigger-added', { id: 'trigger-added', text: u.text, frontMatter: true }, [], { rule: 'trigger-added' }));
  return out;
}

function frontMatterBlock(text: string): Block {
  return { kind: 'listItem', depth: 0, text, urls: [], section: ['majorChangeTriggers'], line: 0, endLine: 0, key: `front-matter:${text}` };
}
