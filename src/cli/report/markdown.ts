/**
 * The Markdown report of a revision, for pull-request comments and job
 * summaries. Built as an mdast tree and serialised by remark-stringify, so
 * policy text is escaped by construction.
 */
import type { BlockContent, Html, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ClassifiedChange, Revision } from '../../types.js';
import { elideRedline, hasOwnTriggers, redlineOf, sectionOf, triggersHit } from '../../describe-revision.js';
import { NEEDS_DECISION, renderVerdict } from './text.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A raw HTML node whose only variable part is escaped text. */
function htmlNode(before: string, inner = '', after = ''): Html {
  return { type: 'html', value: `${before}${escapeHtml(inner)}${after}` };
}

/**
 * The redline as `<del>`/`<ins>` around plain text nodes. Not `~~`/`**`: their
 * flanking rules fail next to CJK punctuation (收集**、使用**), and the
 * serialiser then writes the neighbouring character as a reference (&#x96C6;).
 * GitHub and GitLab render both tags; the text between stays Markdown-escaped.
 */
function redlinePhrasing(change: ClassifiedChange): PhrasingContent[] {
  return elideRedline(redlineOf(change)).flatMap((part): PhrasingContent[] => {
    if (part.op === 'delete') return [htmlNode('<del>'), text(part.text), htmlNode('</del>')];
    if (part.op === 'insert') return [htmlNode('<ins>'), text(part.text), htmlNode('</ins>')];
    return [text(part.text)];
  });
}

function triggerCell(revision: Revision, change: ClassifiedChange): string {
  if (change.level !== 'major') return '';
  const hit = triggersHit(revision, change.triggers);
  if (!hasOwnTriggers(revision)) return hit.length > 0 ? hit.map((trigger) => `default category ${trigger.index}. ${trigger.text}`).join('; ') : 'default list';
  return hit.length > 0 ? hit.map((trigger) => `${trigger.index}. ${trigger.text}`).join('; ') : 'new trigger';
}

function levelCell(change: ClassifiedChange): string {
  return change.confidence === 'low' ? `${change.level} (${NEEDS_DECISION})` : change.level;
}

function changeTable(revision: Revision): RootContent {
  const cells = (...values: string[]): TableRow => ({
    type: 'tableRow',
    children: values.map((value) => ({ type: 'tableCell', children: value ? [text(value)] : [] })),
  });
  return {
    type: 'table',
    align: ['left', 'left', 'left', 'left'],
    children: [
      cells('Section', 'Change', 'Level', 'Trigger'),
      ...revision.changes.map((change) =>
        cells(sectionOf(change) || '(top)', change.kind, levelCell(change), triggerCell(revision, change)),
      ),
    ],
  };
}

/** The mdast nodes of one policy's report (used alone, or inside `policy check`'s comment). */
export function revisionMarkdownNodes(revision: Revision, headingDepth: 1 | 2 | 3 = 2): RootContent[] {
  const nodes: RootContent[] = [
    { type: 'heading', depth: headingDepth, children: [text(`${revision.new.title} (${revision.new.id})`)] },
    paragraph(strong(renderVerdict(revision))),
  ];
  for (const warning of revision.warnings) nodes.push(paragraph(text(`⚠️ ${warning}`)));
  if (revision.changes.length === 0) return nodes;
  nodes.push(changeTable(revision));
  revision.changes.forEach((change, i) => {
    const line = change.newBlock?.line ?? change.oldBlock?.line;
    const summary = `${i + 1}. ${levelCell(change)} · ${change.kind} · ${sectionOf(change) || '(top)'}${line ? ` · line ${line}` : ''}`;
    nodes.push(htmlNode('<details><summary>', summary, '</summary>'));
    nodes.push({ type: 'blockquote', children: [paragraph(...redlinePhrasing(change))] });
    if (change.reasons.length > 0) {
      nodes.push({
        type: 'list',
        ordered: false,
        spread: false,
        children: change.reasons.map((reason) => ({ type: 'listItem', spread: false, children: [paragraph(text(reason))] })),
      });
    }
    nodes.push(htmlNode('</details>'));
  });
  return nodes;
}

/** Serialises mdast nodes as GitHub-flavoured Markdown. Pure. */
export function stringifyMarkdown(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_' }).stringify(root);
}

/** Renders a revision as Markdown for a pull-request comment. Pure. */
export function renderRevisionMarkdown(revision: Revision): string {
  return stringifyMarkdown(revisionMarkdownNodes(revision));
}
