/**
 * The Markdown report of `policy check`, made for one pull-request comment
 * that a bot keeps up to date: it starts with a fixed HTML comment marker, then
 * the verdict, the problems, and each policy's report.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { CheckResult } from '../../check/types.js';
import { revisionMarkdownNodes, stringifyMarkdown } from './markdown.js';

/** The first line of every check comment; a bot finds its comment by it. */
export const CHECK_COMMENT_MARKER = '<!-- policy-check -->';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const strong = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'strong', children });

/** The mdast nodes of a check report. Pure. */
export function checkMarkdownNodes(result: CheckResult): RootContent[] {
  const count = result.failures.length;
  const nodes: RootContent[] = [
    { type: 'html', value: CHECK_COMMENT_MARKER },
    {
      type: 'heading',
      depth: 2,
      children: [text(result.ok ? 'Policy check: ✅ passed' : `Policy check: ❌ failed (${count} problem${count === 1 ? '' : 's'})`)],
    },
    {
      type: 'paragraph',
      children: [
        text(`${result.policies.length} polic${result.policies.length === 1 ? 'y' : 'ies'} compared with `),
        result.base.includes(' ') ? text(result.base) : code(result.base),
        text(' · fails on: '),
        code(result.failOn),
      ],
    },
  ];
  if (count > 0) {
    nodes.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: result.failures.map((failure) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [code(`${failure.file}:${failure.line}`), text(` — ${failure.message}`)] }],
      })),
    });
  }
  for (const policy of result.policies) {
    if (policy.status === 'compared') {
      nodes.push(...revisionMarkdownNodes(policy.revision, 3));
      continue;
    }
    if (policy.status === 'deleted') {
      nodes.push(
        { type: 'heading', depth: 3, children: [text(`${policy.base.title ?? policy.id} (${policy.id})`)] },
        { type: 'paragraph', children: [strong(text(`${policy.id}: deleted`)), text(' — '), code(policy.file), text(` is gone; ${policy.note}`)] },
      );
      continue;
    }
    nodes.push(
      { type: 'heading', depth: 3, children: [text(`${policy.head.title} (${policy.id})`)] },
      { type: 'paragraph', children: [strong(text(`${policy.id}: new policy`)), text(` — ${policy.note}`)] },
    );
  }
  return nodes;
}

/** Renders a check result as Markdown for a pull-request comment or a job summary. Pure. */
export function renderCheckMarkdown(result: CheckResult): string {
  return stringifyMarkdown(checkMarkdownNodes(result));
}
