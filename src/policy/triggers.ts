/**
 * Finds the policy's own list of what counts as a major change: the list that
 * follows a paragraph such as "本政策所指的重大变更包括但不限于：" or
 * "Material changes include, but are not limited to:".
 */
import type { Block, Trigger } from '../types.js';

/** Words that announce the list of major changes. */
const CUE_ZH = /(重大|重要|实质性?)(变更|变化|修改|调整)/;
const CUE_EN = /\b(material|significant|major|substantial|substantive)\s+(changes?|modifications?|amendments?|revisions?)\b/i;
/** Words that say a list follows (包括 …：, include …:). */
const INTRODUCES_ZH = /(包括|包含|如下|以下|是指|指的是|情形|：\s*$|:\s*$)/;
const INTRODUCES_EN = /\b(include|includes|including|following|such as|means?|are|is)\b|:\s*$/i;

/** An item that describes a kind of change (or an assessment's finding). */
const DESCRIBES_CHANGE = /变化|变更|改变|调整|变动|更改|表明|显示|发现|change|alter|modif|amend|revis|indicat|show|reveal|find/i;
/** An item that is the company's own promise rather than a kind of change. */
const PROMISE = /^(我们|本公司|公司)?(还|也|亦|将|会|承诺)|^(we|the company)\s+(will|shall|also|undertake|commit)\b/i;

/** True for a list item that is a commitment ("we will also archive …"), not a trigger. */
export function isPromiseItem(text: string): boolean {
  return PROMISE.test(text.trim()) && !DESCRIBES_CHANGE.test(text);
}

function introducesTriggerList(block: Block): boolean {
  if (block.kind !== 'paragraph' && block.kind !== 'html' && block.kind !== 'heading') return false;
  const text = block.text;
  return (CUE_ZH.test(text) && INTRODUCES_ZH.test(text)) || (CUE_EN.test(text) && INTRODUCES_EN.test(text));
}

export interface TriggerList {
  triggers: Trigger[];
  /** [start, end) in blocks of the whole list. */
  range: [number, number];
}

/** Detects the trigger list in a policy's blocks. Pure. */
export function parseTriggerList(blocks: readonly Block[]): TriggerList | null {
  for (let i = 0; i < blocks.length - 1; i++) {
    if (!introducesTriggerList(blocks[i]!)) continue;
    const first = blocks[i + 1]!;
    if (first.kind !== 'listItem') continue;
    const depth = first.depth;
    let end = i + 1;
    while (end < blocks.length && blocks[end]!.kind === 'listItem' && blocks[end]!.depth >= depth) end++;
    const triggers: Trigger[] = [];
    for (let j = i + 1; j < end; j++) {
      const item = blocks[j]!;
      if (item.depth !== depth || isPromiseItem(item.text)) continue;
      triggers.push({ index: triggers.length + 1, text: item.text, line: item.line, blockIndex: j });
    }
    if (triggers.length > 0) return { triggers, range: [i + 1, end] };
  }
  return null;
}
