/**
 * Differences in front matter that a reader can notice. `version`,
 * `effective` and `changeNote` are bookkeeping written by `policy publish`
 * (see bookkeeping.ts) and never count as a change.
 */
import type { Block, Change, Policy } from '../types.js';
import { BOOKKEEPING_KEYS } from './bookkeeping.js';

function render(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Date ? inner.toISOString().slice(0, 10) : inner)) ?? '';
}

function keyLine(policy: Policy, key: string): number {
  const lines = policy.source.split('\n', 200);
  const index = lines.findIndex((line, i) => i > 0 && line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}

function keyBlock(policy: Policy, key: string): Block {
  const text = `${key}: ${render(policy.frontMatter[key])}`;
  const line = keyLine(policy, key);
  return { kind: 'frontMatter', depth: 0, text, urls: [], section: [], line, endLine: line, key: `fm:${text}` };
}

/** Changes of front-matter keys between two versions, in key order of the new version. Pure. */
export function diffFrontMatter(oldPolicy: Policy, newPolicy: Policy): Change[] {
  const changes: Change[] = [];
  const keys = [...new Set([...Object.keys(newPolicy.frontMatter), ...Object.keys(oldPolicy.frontMatter)])];
  for (const key of keys) {
    if (BOOKKEEPING_KEYS.has(key)) continue;
    const inOld = key in oldPolicy.frontMatter;
    const inNew = key in newPolicy.frontMatter;
    if (inOld && inNew && render(oldPolicy.frontMatter[key]) === render(newPolicy.frontMatter[key])) continue;
    const oldBlock = inOld ? keyBlock(oldPolicy, key) : null;
    const newBlock = inNew ? keyBlock(newPolicy, key) : null;
    changes.push({
      kind: oldBlock && newBlock ? 'modified' : newBlock ? 'added' : 'removed',
      oldBlock,
      newBlock,
      oldIndex: -1,
      newIndex: -1,
      inline: [],
    });
  }
  return changes;
}
