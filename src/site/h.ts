/**
 * A tiny hast builder: pages are trees, never strings, so rehype-stringify does
 * all the escaping.
 */
import type { Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';

/** What may be passed as children: nodes, strings (become text), nested lists; null/false/undefined are skipped. */
export type Child = ElementContent | string | number | null | undefined | false | readonly Child[];

/** Flattens children into hast nodes, turning strings into text nodes. */
export function toNodes(children: readonly Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string' || typeof child === 'number') out.push(text(String(child)));
    else if (Array.isArray(child)) out.push(...toNodes(child as readonly Child[]));
    else out.push(child as ElementContent);
  }
  return out;
}

/** An element with hast properties (`className: ['a']`, `ariaLabel: 'x'`, `dataLevel: 'major'` …). */
export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  const props: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value !== undefined && value !== null && value !== false) props[key] = value;
  }
  return { type: 'element', tagName, properties: props, children: toNodes(children) };
}

/** A text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** A complete document: `<!doctype html>` followed by the given root element. */
export function documentRoot(html: Element): Root {
  const children: RootContent[] = [{ type: 'doctype' }, html];
  return { type: 'root', children };
}
