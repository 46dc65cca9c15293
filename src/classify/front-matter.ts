/** Front matter changes: keys a reader sees (title) are minor; a trigger list kept there (`majorChangeTriggers`) is compared item by item. */
import type { Block, Change, Policy } from '../types.js';
import { show } from './reasons.js';
import { analyzeModified, SUBSTANTIVE, type Analysis, type Signal } from './signals.js';
import { normalizeText, similarity } from './text.js';

/** A changed front-matter key: minor, unless it is the trigger list (`majorChangeTriggers`). */
export function analyzeFrontMatter(change: Change, old: Policy, neu: Policy): Analysis {
  const text = (change.newBlock ?? change.oldBlock)!.text;
  const key = text.slice(0, Math.max(0, text.indexOf(':')));
  if (key === 'majorChangeTriggers') {
    const signals = frontMatterTriggerSignals(old, neu);
    if (signals.length > 0) return { signals, changedText: '' };
  }
  const from = change.oldBlock ? show(change.oldBlock.text.slice(key.length + 1).trim()) : '(absent)';
  const to = change.newBlock ? show(change.newBlock.text.slice(key.length + 1).trim()) : '(absent)';
  return { signals: [{ kind: 'front-matter', text: `the front-matter key "${key}" changed from ${from} to ${to}`, concepts: [] }], changedText: '' };
}

/** Edits of a trigger list kept in front matter (no block shows them): compared item by item; a typo-level fix stays minor. */
export function frontMatterTriggerSignals(old: Policy, neu: Policy): Signal[] {
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
    let bestSim = 0.5;
    unmatched.forEach((u, k) => {
      const sim = similarity(u.text, t.text);
      if (sim > bestSim) {
        bestSim = sim;
        best = k;
      }
    });
    if (best >= 0) {
      const u = unmatched.splice(best, 1)[0]!;
      const a = analyzeModified(frontMatterBlock(t.text), frontMatterBlock(u.text));
      if (a.signals.some((x) => SUBSTANTIVE.has(x.kind) || x.kind === 'rewording')) {
        out.push({ kind: 'trigger-edited', text: `trigger ${t.index} of the list of major changes (front matter) was reworded from ${show(t.text)} to ${show(u.text)}`, concepts: [], trigger: t.index });
      } else out.push(...a.signals);
    } else {
      out.push({ kind: 'trigger-removed', text: `trigger ${t.index} ${show(t.text)} was removed from the list of major changes (front matter)`, concepts: [], trigger: t.index });
    }
  }
  for (const u of unmatched) out.push({ kind: 'trigger-added', text: `a new trigger was added to the list of major changes (front matter): ${show(u.text)}`, concepts: [] });
  return out;
}

function frontMatterBlock(text: string): Block {
  return { kind: 'listItem', depth: 0, text, urls: [], section: ['majorChangeTriggers'], line: 0, endLine: 0, key: `front-matter:${text}` };
}
