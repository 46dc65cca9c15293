/**
 * Renders an archived policy's Markdown to a sanitised hast tree:
 * remark-parse + remark-gfm → remark-rehype → rehype-sanitize. Raw HTML is
 * dropped, event handlers and `javascript:` URLs are removed, ids are prefixed
 * so a policy cannot clobber the page's own. An image from another server is
 * not shown unless the configuration allows it (`remoteImages`): it becomes a
 * notice with a link, so that reading a policy tells no third party.
 *
 * Successive versions of a policy share most of their sections, and parsing is
 * the cost of a build (about a second per megabyte), so a document without
 * reference definitions, footnotes or raw HTML is rendered section by section,
 * and each section's result is kept for the next version.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { locateFrontMatter } from '../policy/front-matter.js';
import { plainTextReason } from '../policy/parse-bounds.js';
import { mayDefineLinks, splitPieces, splitSections, type SourcePiece } from '../policy/sections.js';
import type { Lang } from '../types.js';
import { h } from './h.js';
import { messagesFor } from './i18n.js';

/** The prefix rehype-sanitize gives every id that comes from a policy. */
const CLOBBER_PREFIX = 'user-content-';

/** How to render a policy's Markdown. */
export interface MarkdownOptions {
  /** Keep images from other servers (config `remoteImages`). Default false: each becomes a notice with a link. */
  remoteImages?: boolean;
}

/** A made-up origin to resolve image URLs against: whatever does not stay on it would be fetched from elsewhere. */
const SITE_ORIGIN = 'http://site.invalid';

/**
 * True when a browser would fetch `url` from another server than the page's
 * own. Resolved with the WHATWG URL parser, as browsers do, so `//host`,
 * `/\host` and odd spacing count as remote; an unparsable URL counts too. Pure.
 */
export function isRemoteUrl(url: string): boolean {
  try {
    return new URL(url, `${SITE_ORIGIN}/policy/1.0/`).origin !== SITE_ORIGIN;
  } catch {
    return true;
  }
}

/**
 * Replaces every image whose source is remote by a notice and a link to it
 * (inside a link, by the notice and its text: links do not nest), so the page
 * makes no request to the image's server.
 */
function blockRemoteImages(parent: Root | Element, lang: Lang, inLink: boolean): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    const src = child.properties.src;
    if (child.tagName === 'img' && typeof src === 'string' && isRemoteUrl(src)) {
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt.trim() : '';
      const label = alt === '' ? src : alt;
      const notice = messagesFor(lang).remoteImageNotice;
      return h('span', { className: ['remote-image'] }, notice, inLink ? label : h('a', { href: src, rel: ['nofollow', 'noopener', 'noreferrer'] }, label));
    }
    blockRemoteImages(child, lang, inLink || child.tagName === 'a');
    return child;
  }) as typeof parent.children;
}

/** The Markdown body of a policy file: everything after its YAML front matter (found by the one front-matter module). Pure. */
export function parseMarkdownBody(source: string): string {
  // Archived files parsed at publish; a front matter never closed (not one, then) leaves the whole text.
  try {
    return source.slice(locateFrontMatter(source, 'archive').bodyOffset);
  } catch {
    return source.replace(/^\uFEFF/, '');
  }
}

type MarkdownProcessor = Processor<import('mdast').Root, import('mdast').Root, Root, undefined, undefined>;

const processors = new Map<Lang, MarkdownProcessor>();

function processorFor(lang: Lang): MarkdownProcessor {
  let processor = processors.get(lang);
  if (!processor) {
    const messages = messagesFor(lang);
    processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      // No prefix here: rehype-sanitize adds it, and a second one would break footnote links.
      .use(remarkRehype, { clobberPrefix: '', footnoteLabel: messages.footnotes, footnoteBackLabel: messages.footnoteBack })
      .use(rehypeSanitize)
      .freeze() as unknown as MarkdownProcessor;
    processors.set(lang, processor);
  }
  return processor;
}

/**
 * In-page links still say `#fn-1` while sanitising renamed the target to
 * `#user-content-fn-1`; point them at the renamed ids. Task-list checkboxes get
 * an accessible name.
 */
function finishTree(tree: Root, lang: Lang): void {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  const messages = messagesFor(lang);
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) {
      const target = decodeURIComponentSafe(href.slice(1));
      if (!ids.has(target) && ids.has(CLOBBER_PREFIX + target)) node.properties.href = `#${CLOBBER_PREFIX}${target}`;
    }
    if (node.tagName === 'input' && node.properties.type === 'checkbox') {
      node.properties.ariaLabel = node.properties.checked ? messages.taskDone : messages.taskOpen;
    }
  });
  // An image whose URL the sanitiser removed (javascript: and the like) becomes its alt text.
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || typeof node.properties.src === 'string' || !parent || index === undefined) return;
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
    parent.children.splice(index, 1, ...(alt === '' ? [] : [{ type: 'text' as const, value: alt }]));
    return index;
  });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function renderWhole(markdown: string, lang: Lang, options: MarkdownOptions): Root {
  const processor = processorFor(lang);
  const tree = processor.runSync(processor.parse(markdown));
  finishTree(tree, lang);
  if (!options.remoteImages) blockRemoteImages(tree, lang, false);
  return tree;
}

/** Renders the whole document in one pass: what section-wise rendering must equal. Pure. */
export function renderMarkdownAtOnce(source: string, lang: Lang, options: MarkdownOptions = {}): Root {
  return renderWhole(parseMarkdownBody(source), lang, options);
}

/**
 * What keeps a document from being rendered section by section: link reference
 * and footnote definitions (used across sections; in block quotes and list
 * items too, so any `]:` counts), fences indented as if in a list item, and raw HTML, whose block
 * rules are subtle enough that only the real parser should decide where a
 * block ends (the policy is dropped from the output anyway).
 */
const RAW_HTML_LINE = /^ {0,3}</m;
/** An indented fence may belong to a list item above it, which the line-based splitter cannot tell. */
const INDENTED_FENCE = /^ {1,3}(?:`{3}|~{3})/m;
const SECTION_CACHE_LIMIT = 4000;
const sectionCache = new Map<string, readonly ElementContent[]>();

function renderSection(text: string, lang: Lang, options: MarkdownOptions): readonly ElementContent[] {
  const key = `${lang}\0${options.remoteImages ? 'remote' : 'local'}\0${text}`;
  const cached = sectionCache.get(key);
  if (cached) return cached;
  const children = renderWhole(text, lang, options).children as ElementContent[];
  if (sectionCache.size >= SECTION_CACHE_LIMIT) sectionCache.delete(sectionCache.keys().next().value as string);
  sectionCache.set(key, children);
  return children;
}

/**
 * Renders a policy file's text (front matter included) to a sanitised hast
 * tree. Pure (the section cache only remembers results). Nodes may be shared
 * with other trees from this function: do not mutate them.
 */
export function renderMarkdown(source: string, lang: Lang, options: MarkdownOptions = {}): Root {
  const body = parseMarkdownBody(source);
  const pieces = splitPieces(body, { paragraphs: true });
  if (pieces.some((piece) => plainTextReason(piece.text) !== null)) return renderBounded(pieces, lang, options);
  if (mayDefineLinks(body) || RAW_HTML_LINE.test(body) || INDENTED_FENCE.test(body)) return renderWhole(body, lang, options);
  const children: ElementContent[] = [];
  for (const section of splitSections(body)) {
    const rendered = renderSection(section.text, lang, options);
    if (rendered.length === 0) continue;
    // remark-rehype puts a line break between block elements; keep that between sections too.
    if (children.length > 0) children.push({ type: 'text', value: '\n' });
    children.push(...rendered);
  }
  return { type: 'root', children };
}

/**
 * A document with pieces the Markdown parser must not be given (see
 * parse-bounds.ts): those are shown line by line as plain text, as the diff
 * reads them; the runs between them are rendered as Markdown.
 */
function renderBounded(pieces: readonly SourcePiece[], lang: Lang, options: MarkdownOptions): Root {
  const children: ElementContent[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) children.push(...(renderWhole(run.join('\n'), lang, options).children as ElementContent[]));
    run = [];
  };
  for (const piece of pieces) {
    if (plainTextReason(piece.text) === null) {
      run.push(piece.text);
      continue;
    }
    flush();
    for (const line of piece.text.split('\n')) {
      if (line.trim() !== '') children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: line.trim() }] });
    }
  }
  flush();
  return { type: 'root', children };
}

/** True when the tree has a top-level heading of its own. */
export function hasHeadingOne(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'h1') found = true;
  });
  return found;
}
