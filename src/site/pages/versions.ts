/** `/<id>/`: the versions table of one policy, newest first. */
import type { Root } from 'hast';
import type { RecordedVerdict } from '../../publish/read-record.js';
import type { Lang } from '../../types.js';
import { h } from '../h.js';
import { messagesFor } from '../i18n.js';
import { renderBadge, renderDate, renderLayout } from '../layout.js';
import { shownVerdict, type TriggerText, type VersionRef, type VersionView } from '../model.js';
import { relativeHref, sitePaths } from '../paths.js';
import { displaySummary } from '../../publish/summary.js';

/** One row of the table: a version, the trigger texts it hit (from the previous version's list) and its recorded verdict. */
export interface VersionsRow {
  view: VersionView;
  triggers: TriggerText[];
  /** From the version's record (null or absent: archived before records; the index entry is shown, as before). */
  verdict?: RecordedVerdict | null;
}

/** Everything the versions table shows. */
export interface VersionsPageModel {
  lang: Lang;
  title: string;
  id: string;
  /** Oldest first (the page reverses them). */
  rows: VersionsRow[];
  current: VersionRef | null;
  baseUrl: string | null;
}

/** Renders the versions table. Pure. */
export function renderVersionsPage(model: VersionsPageModel): Root {
  const { lang, id } = model;
  const messages = messagesFor(lang);
  const path = sitePaths.versions(id);
  const link = (to: string): string => relativeHref(path, to);
  const columns = [
    messages.versionColumn,
    messages.publishedColumn,
    messages.effectiveColumn,
    messages.levelColumn,
    messages.triggersColumn,
    messages.summaryColumn,
    messages.statusColumn,
  ];
  const rows = [...model.rows].reverse().map(({ view, triggers, verdict }) => {
    const { entry } = view;
    const shown = shownVerdict(entry, verdict);
    const status =
      view.status === 'superseded' && view.supersededBy
        ? messages.supersededBy(h('a', { href: link(sitePaths.version(id, view.supersededBy.version)) }, messages.versionLabel(view.supersededBy.version)))
        : view.status === 'current'
          ? [h('strong', {}, messages.status.current)]
          : [messages.status[view.status]];
    return h(
      'tr',
      { className: view.status === 'current' ? ['is-current'] : undefined, dataVersion: entry.version, dataStatus: view.status },
      h(
        'th',
        { scope: 'row' },
        h('a', { href: link(sitePaths.version(id, entry.version)) }, entry.version),
        ' · ',
        h('a', { href: link(sitePaths.changes(id, entry.version)), ariaLabel: `${messages.changesLink} ${entry.version}` }, messages.changesLink),
      ),
      h('td', { dataLabel: messages.publishedColumn }, renderDate(entry.date, lang, true)),
      h('td', { dataLabel: messages.effectiveColumn }, renderDate(entry.effective, lang, true)),
      h(
        'td',
        { dataLabel: messages.levelColumn },
        renderBadge(shown.level, lang),
        shown.overridden ? messages.overridden : null,
        shown.counts ? [' ', h('span', { className: ['count'] }, messages.changeCount(shown.counts))] : null,
      ),
      h(
        'td',
        { className: ['triggers'], dataLabel: messages.triggersColumn },
        triggers.length === 0
          ? messages.none
          : h(
              'ul',
              {},
              triggers.map((trigger) => h('li', { value: String(trigger.index) }, trigger.text !== '' ? trigger.text : `#${trigger.index}`)),
            ),
      ),
      h('td', { className: ['summary'], dataLabel: messages.summaryColumn }, shown.summary !== '' ? displaySummary({ level: shown.level, summary: shown.summary }, model.lang) : messages.none),
      h('td', { className: ['status'], dataLabel: messages.statusColumn }, status),
    );
  });

  return renderLayout({
    lang,
    path,
    title: messages.versionsTitle(model.title),
    crumbs: [
      { label: messages.home, path: sitePaths.home() },
      { label: model.title, path: null },
    ],
    feed: { path: sitePaths.feed(id), title: model.title },
    baseUrl: model.baseUrl,
    wide: true,
    main: [
      h('h1', {}, messages.versionsTitle(model.title)),
      h(
        'p',
        { className: ['lede'] },
        messages.versionsIntro,
        model.current
          ? [' ', h('a', { href: link(sitePaths.latest(id)) }, messages.readCurrent), ' · ', h('a', { href: link(sitePaths.feed(id)) }, messages.atomFeed)]
          : [' ', h('a', { href: link(sitePaths.feed(id)) }, messages.atomFeed)],
      ),
      h(
        'div',
        { className: ['table-wrap'], role: 'region', ariaLabelledBy: ['versions-caption'], tabIndex: 0 },
        h(
          'table',
          { id: 'versions', className: ['cards'] },
          h('caption', { id: 'versions-caption' }, messages.versionsCaption),
          h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
          h('tbody', {}, rows),
        ),
      ),
    ],
  });
}
