/**
 * What `policy triggers` reports: the trigger list the tool found in a policy, where, from
 * which source, the items taken and the ones left out as promises, and what a lawyer should
 * check. Pure.
 */
import type { Policy } from '../types.js';
import { defaultListWarning } from './default-triggers.js';
import { findLeadIns, parseTriggerList } from './triggers.js';

/** The trigger list of one policy, as `policy triggers` shows it. */
export interface TriggerReport {
  file: string;
  /** `policy` (a list in the text), `front-matter` (`majorChangeTriggers`) or `default` (the built-in list). */
  source: Policy['triggerSource'];
  /** The innermost heading above the list's lead-in (null for front matter and the default list). */
  section: string | null;
  /** 1-based line of the lead-in (null for the default list; the front matter's first line for front matter). */
  line: number | null;
  /** The sentence that announces the list. */
  leadIn: string | null;
  triggers: Array<{ index: number; text: string; line: number | null }>;
  /** Items of the list that are the company's promises (we will archive …), not kinds of change. */
  promises: Array<{ text: string; line: number }>;
  warnings: string[];
}

/** The report of the trigger list the parser found in `policy`. */
export function describeTriggers(policy: Policy): TriggerReport {
  const list = parseTriggerList(policy.blocks, policy.source.split('\n'));
  const warnings: string[] = [];
  const lead = list ? policy.blocks[list.lead.blockIndex]! : null;
  const sectionOf = (i: number): string | null => {
    const b = policy.blocks[i]!;
    return b.kind === 'heading' ? b.text : (b.section[b.section.length - 1] ?? null);
  };
  if (policy.triggerSource === 'default') {
    warnings.push(defaultListWarning(policy.path));
    for (const i of findLeadIns(policy.blocks).slice(0, 3)) {
      const b = policy.blocks[i]!;
      warnings.push(`line ${b.line} speaks of major changes, but no list follows in a recognised form (a list, items marked a) b) or (1) (2), or numbered paragraphs)`);
    }
  }
  if (policy.triggerSource === 'front-matter' && list) {
    warnings.push(`the list in the front matter (majorChangeTriggers) is used; the list at line ${list.lead.line} is not`);
  }
  if (list && list.promises.length > 0 && policy.triggerSource === 'policy') {
    warnings.push(`${list.promises.length} item${list.promises.length === 1 ? ' reads' : 's read'} as the company's promise, not a kind of change, and ${list.promises.length === 1 ? 'is' : 'are'} left out`);
  }
  const fromText = policy.triggerSource === 'policy';
  return {
    file: policy.path,
    source: policy.triggerSource,
    section: fromText && list ? sectionOf(list.lead.blockIndex) : null,
    line: fromText && lead ? lead.line : policy.triggerSource === 'front-matter' ? 1 : null,
    leadIn: fromText && lead ? lead.text : null,
    triggers: policy.triggers.map((t) => ({ index: t.index, text: t.text, line: t.line > 0 ? t.line : null })),
    promises: fromText && list ? list.promises.map((p) => ({ text: p.text, line: p.line })) : [],
    warnings,
  };
}
