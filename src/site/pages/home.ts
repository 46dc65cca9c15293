/** `/`: every policy with its current version. */
import type { Root } from 'hast';
import type { ArchivedVersion, Lang } from '../../types.js';
import { h } from '../h.js';
import { htmlLang, messagesFor } from '../i18n.js';
import { renderBadge, renderDate, renderLayout } from '../layout.js';
import { relativeHref, sitePaths } from '../paths.js';

/** One policy on the home page. */
export interface HomeEntry {
  id: string;
  title: string;
  lang: Lang;
  /** The version /<id>/latest/ points at. */
  latest: ArchivedVersion;
  /** The newest version (may be still to come). */
  newest: ArchivedVersion;
  count: number;
}

/** Everything the home page shows. */
export interface HomePageModel {
  /** The interface language: the policies' own when they share one. */
  lang: Lang;
  policies: HomeEntry[];
  baseUrl: string | null;
}

/** Renders the home page. Pure. */
export function renderHomePage(model: HomePageModel): Root {
  const { lang } = model;
  const messages = messagesFor(lang);
  const path = sitePaths.home();
  const link = (to: string): string => relativeHref(path, to);
  const body =
    model.policies.length === 0
      ? h('p', {}, messages.noPolicies)
      : h(
          'div',
          { className: ['table-wrap'], role: 'region', ariaLabelledBy: ['policies-caption'], tabIndex: 0 },
          h(
            'table',
            { className: ['cards'] },
            h('caption', { id: 'policies-caption', className: ['sr-only'] }, messages.homeTitle),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [messages.policyColumn, messages.currentVersionColumn, messages.effectiveColumn, messages.lastChangeColumn, messages.linksColumn].map(
                  (column) => h('th', { scope: 'col' }, column),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              model.policies.map((policy) => {
                const policyLang = policy.lang === lang ? undefined : htmlLang(policy.lang);
                return h(
                  'tr',
                  { dataPolicy: policy.id },
                  h('th', { scope: 'row' }, h('a', { href: link(sitePaths.versions(policy.id)), lang: policyLang }, policy.title)),
                  h('td', { dataLabel: messages.currentVersionColumn }, h('a', { href: link(sitePaths.version(policy.id, policy.latest.version)) }, policy.latest.version)),
                  h('td', { dataLabel: messages.effectiveColumn }, renderDate(policy.latest.effective, lang, true)),
                  h('td', { dataLabel: messages.lastChangeColumn }, renderBadge(policy.newest.level, lang), ' ', renderDate(policy.newest.date, lang, true)),
                  h(
                    'td',
                    { dataLabel: messages.linksColumn },
                    h('a', { href: link(sitePaths.versions(policy.id)) }, `${messages.allVersions} (${policy.count})`),
                    ' · ',
                    h('a', { href: link(sitePaths.feed(policy.id)) }, messages.atomFeed),
                  ),
                );
              }),
            ),
          ),
        );
  return renderLayout({
    lang,
    path,
    title: messages.homeTitle,
    crumbs: [],
    baseUrl: model.baseUrl,
    main: [h('h1', {}, messages.homeTitle), h('p', { className: ['lede'] }, messages.homeIntro), body],
  });
}
