/**
 * Bookkeeping: the edits `policy publish` makes itself — the stamped "last
 * updated" date and the `version`, `effective` and `changeNote` front matter.
 * They are listed apart from the changes and never counted or shown as one,
 * so a re-stamped date or a cleared `effective` is not "a change" in the next
 * comparison.
 */
import type { Bookkeeping, Change, Policy } from '../types.js';

/** Front-matter keys that publish writes or clears: bookkeeping, not content. */
export const BOOKKEEPING_KEYS: ReadonlySet<string> = new Set(['version', 'effective', 'changeNote']);

function renderValue(value: unknown): string | null {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Date ? inner.toISOString().slice(0, 10) : inner)) ?? null;
}

/** Changed, added or removed bookkeeping keys of the front matter, in a fixed order. Pure. */
function frontMatterBookkeeping(oldPolicy: Policy, newPolicy: Policy): Bookkeeping[] {
  const items: Bookkeeping[] = [];
  for (const field of BOOKKEEPING_KEYS) {
    const before = renderValue(oldPolicy.frontMatter[field]);
    const after = renderValue(newPolicy.frontMatter[field]);
    if (before !== after) items.push({ kind: 'front-matter', field, before, after });
  }
  return items;
}

/** True when `change` is the "last updated" line with only its date re-stamped. */
function isRestampedDate(change: Change, oldPolicy: Policy, newPolicy: Policy): boolean {
  const { oldBlock, newBlock } = change;
  const before = oldPolicy.lastUpdated;
  const after = newPolicy.lastUpdated;
  if (change.kind !== 'modified' || !oldBlock || !newBlock || !before || !after) return false;
  if (before.line < oldBlock.line || before.line > oldBlock.endLine) return false;
  if (after.line < newBlock.line || after.line > newBlock.endLine) return false;
  const at = oldBlock.text.indexOf(before.source);
  if (at < 0) return false;
  return oldBlock.text.slice(0, at) + after.source + oldBlock.text.slice(at + before.source.length) === newBlock.text;
}

/**
 * Splits a comparison's changes into the changes proper and publish's
 * bookkeeping (a re-stamped date line; the bookkeeping front-matter keys,
 * which `diffFrontMatter` leaves out). Pure.
 */
export function separateBookkeeping(
  oldPolicy: Policy,
  newPolicy: Policy,
  changes: readonly Change[],
): { changes: Change[]; bookkeeping: Bookkeeping[] } {
  const bookkeeping = frontMatterBookkeeping(oldPolicy, newPolicy);
  const kept: Change[] = [];
  for (const change of changes) {
    if (isRestampedDate(change, oldPolicy, newPolicy)) {
      bookkeeping.push({
        kind: 'date-line',
        field: null,
        before: oldPolicy.lastUpdated!.date,
        after: newPolicy.lastUpdated!.date,
      });
    } else {
      kept.push(change);
    }
  }
  return { changes: kept, bookkeeping };
}
