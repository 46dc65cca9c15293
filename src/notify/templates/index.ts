/**
 * Notice templates by language. Adding a language is adding a file like en.ts
 * and a line here; a policy in a language without a template gets English.
 */
import { en } from './en.js';
import type { NoticeTemplate } from './types.js';
import { zh } from './zh.js';

export type { NoticeFacts, NoticeTemplate } from './types.js';

/** Templates by language code. */
export const TEMPLATES: Readonly<Record<string, NoticeTemplate>> = { zh, en };

/** The template for `lang`, falling back to English. */
export function templateFor(lang: string): NoticeTemplate {
  return TEMPLATES[lang] ?? en;
}
