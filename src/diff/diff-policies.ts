/** Two parsed versions of a policy → the visible changes between them. Pure. */
import type { Change, Policy } from '../types.js';
import { alignBlocks } from './align.js';
import { diffFrontMatter } from './front-matter-changes.js';
import { diffInline } from './inline.js';

/**
 * Every visible difference between two versions: front-matter keys first, then
 * blocks in the order of the new version. Blocks that render the same (re-wrapped
 * lines, other bullet markers, CRLF, trailing spaces, moved emphasis markers,
 * HTML comments) are not changes.
 */
export function diffPolicies(oldPolicy: Policy, newPolicy: Policy): Change[] {
  const changes: Change[] = diffFrontMatter(oldPolicy, newPolicy);
  for (const alignment of alignBlocks(oldPolicy.blocks, newPolicy.blocks)) {
    const oldBlock = alignment.oldIndex >= 0 ? oldPolicy.blocks[alignment.oldIndex]! : null;
    const newBlock = alignment.newIndex >= 0 ? newPolicy.blocks[alignment.newIndex]! : null;
    changes.push({
      kind: alignment.kind,
      oldBlock,
      newBlock,
      oldIndex: alignment.oldIndex,
      newIndex: alignment.newIndex,
      inline: alignment.kind === 'modified' ? diffInline(oldBlock!.text, newBlock!.text) : [],
    });
  }
  return changes;
}
