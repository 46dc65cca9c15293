/**
 * `/<id>/compare/<a>...<b>/`: the redline between any two versions, `a` the
 * older. No verdict was recorded for such a pair, so the page shows the
 * comparison of the two texts and lists the recorded level of every version
 * published in between, linking their changes pages.
 */
import type { Root } from 'hast';
import type { ArchivedVersion, Lang } from '../../types.js';
import { h, type Child } from '../h.js';
import { messagesFor } from '../i18n.js';
import { renderBadge, renderDate, renderLayout } from '../layout.js';
import { relativeHref, sitePaths } from '../paths.js';
import { renderChange, type RevisionSummary } from './changes.js';

/** Everything a compare page shows besides the revision itself. */
export interface ComparePageModel {
  lang: Lang;
  title: string;
  id: string;
  /** The older version. */
  from: ArchivedVersion;
  /** The newer version. */
  to: ArchivedVersion;
  /** The versions after `from` up to and including `to`, oldest first, with their recorded levels. */
  between: ArchivedVersion[];
  baseUrl: string | null;
}

/** Renders the comparison of two versions. Pure. */
export function renderComparePage(model: ComparePageModel, revision: RevisionSummary): Root {
  const { lang, id, from, to } = model;
  const messages = messagesFor(lang);
  const path = sitePaths.compare(id, from.version, to.version);
  const link = (target: string): string => relativeHref(path, target);
  const versionLink = (entry: ArchivedVersion): Child => h('a', { href: link(sitePaths.version(id, entry.version)) }, messages.versionLabel(entry.version));
  const title = messages.compareTitle(model.title, from.version, to.version);
  const main: Child[] = [
    h('h1', {}, title),
    h('p', { className: ['lede'] }, messages.compareLede(versionLink(from), renderDate(from.effective, lang), versionLink(to), renderDate(to.effective, lang))),
    h('p', {}, messages.compareNote),
    h(
      'section',
      { ariaLabelledBy: ['between'] },
      h('h2', { id: 'between' }, messages.compareBetween),
      h(
        'ul',
        { className: ['between'] },
        model.between.map((entry) =>
          h(
            'li',
            {},
            h('a', { href: link(sitePaths.changes(id, entry.version)) }, messages.versionLabel(entry.version)),
            ' ',
            renderBadge(entry.level, lang),
            ' ',
            renderDate(entry.effective, lang),
            entry.summary !== '' ? [' — ', entry.summary] : null,
          ),
        ),
      ),
    ),
  ];
  if (revision.warnings.length > 0) {
    main.push(
      h(
        'section',
        { ariaLabelledBy: ['warnings'] },
        h('h2', { id: 'warnings' }, messages.warningsHeading),
        h('ul', {}, revision.warnings.map((warning) => h('li', {}, warning))),
      ),
    );
  }
  main.push(
    h(
      'section',
      { ariaLabelledBy: ['changes'] },
      h('h2', { id: 'changes' }, messages.changesHeading(revision.changes.length)),
      revision.changes.length === 0
        ? h('p', {}, messages.noChanges)
        : revision.changes.map((change, i) => renderChange(change, i + 1, revision, lang)),
    ),
    h(
      'nav',
      { className: ['pager'], ariaLabel: messages.versionNav },
      h('a', { href: link(sitePaths.version(id, from.version)), rel: ['prev'] }, `← ${messages.readPreviousVersion(from.version)}`),
      h('a', { href: link(sitePaths.version(id, to.version)), className: ['next'] }, `${messages.readThisVersion(to.version)} →`),
    ),
  );
  return renderLayout({
    lang,
    path,
    title,
    crumbs: [
      { label: messages.home, path: sitePaths.home() },
      { label: model.title, path: sitePaths.versions(id) },
      { label: `${messages.compareCrumb} ${from.version}…${to.version}`, path: null },
    ],
    feed: { path: sitePaths.feed(id), title: model.title },
    baseUrl: model.baseUrl,
    main,
  });
}

/** The pair of versions a version page offers to compare: it and the current one, older first; null for the current version itself. Pure. */
export function comparePairWithCurrent(versions: readonly ArchivedVersion[], version: string, current: string | null): [string, string] | null {
  if (current === null || version === current) return null;
  const at = versions.findIndex((entry) => entry.version === version);
  const currentAt = versions.findIndex((entry) => entry.version === current);
  if (at < 0 || currentAt < 0) return null;
  return at < currentAt ? [version, current] : [current, version];
}

/** The model of the comparison of `from` and `to` in `versions` (oldest first); null when either is unknown or the pair is reversed. Pure. */
export function planCompare(
  base: Pick<ComparePageModel, 'lang' | 'title' | 'id' | 'baseUrl'>,
  versions: readonly ArchivedVersion[],
  from: string,
  to: string,
): ComparePageModel | null {
  const fromAt = versions.findIndex((entry) => entry.version === from);
  const toAt = versions.findIndex((entry) => entry.version === to);
  if (fromAt < 0 || toAt < 0 || fromAt >= toAt) return null;
  return { ...base, from: versions[fromAt] as ArchivedVersion, to: versions[toAt] as ArchivedVersion, between: versions.slice(fromAt + 1, toAt + 1) };
}
