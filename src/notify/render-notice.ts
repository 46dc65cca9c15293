/**
 * A notice model in words and markup: the subject line, an mdast tree of the
 * body, its plain-text part (remark-stringify) and its HTML part (remark-rehype
 * → rehype-sanitize → a hast document → rehype-stringify). Nothing here joins
 * markup by hand, so a policy title or a change excerpt cannot break out of
 * its place. Pure.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { splitNoteParagraphs } from '../policy/change-note.js';
import { renderOneLine, type NoticeChange, type NoticeModel } from './notice-model.js';
import { TEMPLATES, templateFor, type NoticeFacts, type NoticeTemplate } from './templates/index.js';

/** A notice in words: subject, plain text and HTML, the same for every recipient. */
export interface NoticeContent {
  subject: string;
  text: string;
  html: string;
  /** The template language actually used. */
  lang: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const link = (url: string): PhrasingContent => ({ type: 'link', url, children: [text(url)] });

function factsOf(model: NoticeModel, template: NoticeTemplate): NoticeFacts {
  return {
    title: model.title,
    version: model.version,
    previousVersion: model.previousVersion,
    level: model.level,
    date: template.formatDate(model.date),
    effective: template.formatDate(model.effective),
  };
}

function changeItem(change: NoticeChange, template: NoticeTemplate): ListItem {
  const head: PhrasingContent[] = [strong(template.kind[change.kind])];
  if (change.section !== '') head.push(text(` · ${template.sectionLabel}${change.section}`));
  const children: Paragraph[] = [paragraph(...head)];
  if (change.kind === 'moved') {
    if (change.after) children.push(paragraph(text(change.after)));
  } else {
    if (change.before !== null) children.push(paragraph(text(template.before), text(change.before)));
    if (change.after !== null) children.push(paragraph(text(template.after), text(change.after)));
  }
  return { type: 'listItem', spread: true, children };
}

function changeList(changes: readonly NoticeChange[], template: NoticeTemplate): List {
  return { type: 'list', ordered: false, spread: true, children: changes.map((change) => changeItem(change, template)) };
}

/** The body of a notice as an mdast tree (without the major-change banner, which each part renders its own way). */
export function renderNoticeTree(model: NoticeModel, template: NoticeTemplate = templateFor(model.lang)): Root {
  const facts = factsOf(model, template);
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(template.heading(facts))] },
    paragraph(text(template.intro(facts))),
  ];
  if (model.changeNote !== null) {
    // The owners' words come first, above the automatic list; blank lines separate their paragraphs.
    children.push({ type: 'heading', depth: 2, children: [text(template.changeNoteHeading)] });
    for (const part of splitNoteParagraphs(model.changeNote)) children.push(paragraph(text(part)));
  }
  if (model.groups.length > 0) {
    children.push(paragraph(text(template.majorLead)));
    for (const group of model.groups) {
      children.push({ type: 'heading', depth: 2, children: [text(group.trigger ?? template.otherMajor)] });
      children.push(changeList(group.changes, template));
    }
    if (model.otherCount > 0) children.push(paragraph(text(template.otherChanges(model.otherCount))));
  } else if (model.others.length > 0) {
    children.push(paragraph(text(template.changesLead(facts))));
    children.push(changeList(model.others, template));
  }
  if (model.omitted > 0) children.push(paragraph(text(template.omitted(model.omitted))));
  if (model.links.version && model.links.changes) {
    children.push(paragraph(text(template.readVersion), link(model.links.version)));
    children.push(paragraph(text(template.readChanges), link(model.links.changes)));
  } else {
    children.push(paragraph(text(template.noSite)));
  }
  if (model.links.unsubscribe) {
    children.push({ type: 'thematicBreak' });
    children.push(paragraph(text(template.unsubscribe), link(model.links.unsubscribe)));
  }
  return { type: 'root', children };
}

/** The subject line of a notice: one line, naming the policy and whether the change is major. */
export function renderNoticeSubject(model: NoticeModel, template: NoticeTemplate = templateFor(model.lang)): string {
  return renderOneLine(template.subject(factsOf(model, template)));
}

/** The plain-text part: the body tree as Markdown. */
export function renderNoticeText(model: NoticeModel, template: NoticeTemplate = templateFor(model.lang)): string {
  const tree = renderNoticeTree(model, template);
  if (model.level === 'major') tree.children.splice(1, 0, paragraph(strong(template.banner)));
  return unified().use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', strong: '*', emphasis: '_' }).stringify(tree);
}

const h = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** The HTML part: the body tree through remark-rehype and rehype-sanitize, inside a small styled document. */
export function renderNoticeHtml(model: NoticeModel, template: NoticeTemplate = templateFor(model.lang)): string {
  const processor = unified().use(remarkRehype).use(rehypeSanitize);
  const body = processor.runSync(renderNoticeTree(model, template)) as HastRoot;
  const content = body.children.filter((node): node is ElementContent => node.type !== 'doctype');
  if (model.level === 'major') {
    content.splice(
      1,
      0,
      h('p', { style: 'border-left:4px solid #b00020;background:#fdecee;padding:12px 16px;font-weight:bold' }, [
        { type: 'text', value: template.banner },
      ]),
    );
  }
  const document: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: template.htmlLang }, [
        h('head', {}, [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', {}, [{ type: 'text', value: renderNoticeSubject(model, template) }]),
        ]),
        h('body', { style: 'margin:0;padding:0;background:#ffffff' }, [
          h('div', { style: 'max-width:640px;margin:0 auto;padding:24px;font-family:sans-serif;line-height:1.6;color:#1a1a1a' }, content),
        ]),
      ]),
    ],
  };
  return unified().use(rehypeStringify).stringify(document);
}

/** Subject, text and HTML of a notice. */
export function renderNoticeContent(model: NoticeModel): NoticeContent {
  const template = templateFor(model.lang);
  return {
    subject: renderNoticeSubject(model, template),
    text: renderNoticeText(model, template),
    html: renderNoticeHtml(model, template),
    lang: Object.hasOwn(TEMPLATES, model.lang) ? model.lang : 'en',
  };
}
