/** Serialises hast trees with rehype-stringify. */
import type { Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const processor = unified().use(rehypeStringify).freeze();

/** A hast tree as HTML text. Pure. */
export function stringifyHtml(tree: Root): string {
  return processor.stringify(tree);
}

/** A fragment (list of nodes) as HTML text. Pure. */
export function stringifyFragment(nodes: RootContent[]): string {
  return stringifyHtml({ type: 'root', children: nodes });
}
