/** `/<id>/feed.xml`: an Atom feed with one entry per version, newest first (npm `feed`). */
import { Feed } from 'feed';
import { splitNoteParagraphs } from '../policy/change-note.js';
import type { ArchivedVersion, Lang } from '../types.js';
import { h } from './h.js';
import { stringifyFragment } from './html.js';
import { htmlLang, messagesFor } from './i18n.js';
import { shownVerdict, type TriggerText } from './model.js';
import { absoluteUrl, relativeHref, sitePaths } from './paths.js';
import { displaySummary } from '../publish/summary.js';
import type { RecordedVerdict } from '../publish/read-record.js';

/** What the feed lists. */
export interface FeedModel {
  lang: Lang;
  title: string;
  id: string;
  /** Oldest first, each with the trigger texts it hit and the owners' change note (from the record), if any. */
  entries: { entry: ArchivedVersion; triggers: TriggerText[]; changeNote?: string | null; verdict?: RecordedVerdict | null }[];
  /** Without a base URL, links are relative to the feed and ids are URNs. */
  baseUrl: string | null;
  /** The feed's `<author>` (required by RFC 4287); null: the site's name in the feed's language. */
  author: string | null;
}

/** Renders the Atom feed. Pure (dates come from the archive). */
export function renderFeed(model: FeedModel): string {
  const { lang, id, baseUrl } = model;
  const messages = messagesFor(lang);
  const feedPath = sitePaths.feed(id);
  const url = (pagePath: string): string => (baseUrl ? absoluteUrl(baseUrl, pagePath) : relativeHref(feedPath, pagePath));
  const newest = model.entries.at(-1);
  const feed = new Feed({
    id: baseUrl ? absoluteUrl(baseUrl, sitePaths.versions(id)) : `urn:policy-archive:${id}`,
    title: `${model.title} — ${messages.siteName}`,
    updated: new Date(newest?.entry.publishedAt ?? 0),
    generator: 'policy',
    author: { name: model.author ?? messages.siteName },
    language: htmlLang(lang),
    link: url(sitePaths.versions(id)),
    ...(baseUrl ? { feedLinks: { atom: absoluteUrl(baseUrl, feedPath) } } : {}),
  });
  for (const { entry, triggers, changeNote, verdict } of [...model.entries].reverse()) {
    // Level, count and summary as recorded at publish (a version from before records: its index entry).
    const shown = shownVerdict(entry, verdict);
    const level = messages.level[shown.level];
    const pagePath = sitePaths.version(id, entry.version);
    const summary = [
      messages.feedSummary(level, messages.date(entry.effective)),
      shown.counts ? messages.feedCount(shown.counts) : '',
      displaySummary({ level: shown.level, summary: shown.summary }, lang),
    ]
      .filter((part) => part !== '')
      .join(messages.sentenceGap);
    const content = [
      // The owners' words first, above the automatic summary.
      changeNote ? splitNoteParagraphs(changeNote).map((part) => h('p', {}, part)) : null,
      h('p', {}, summary),
      triggers.length > 0 ? h('ul', {}, triggers.map((trigger) => h('li', {}, trigger.text !== '' ? trigger.text : `#${trigger.index}`))) : null,
      h('p', {}, h('a', { href: url(sitePaths.changes(id, entry.version)) }, messages.changesInThisVersion)),
    ]
      .flat()
      .filter((node) => node !== null);
    feed.addItem({
      title: stringifyFragment([{ type: 'text', value: messages.feedEntryTitle(model.title, entry.version, level) }]),
      id: baseUrl ? url(pagePath) : `urn:policy-archive:${id}:${entry.version}`,
      link: url(pagePath),
      date: new Date(entry.publishedAt),
      published: new Date(entry.publishedAt),
      description: stringifyFragment([{ type: 'text', value: summary }]),
      content: stringifyFragment(content),
      category: [{ term: shown.level }],
    });
  }
  return feed.atom1();
}
