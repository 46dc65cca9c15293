/** `/<id>/<version>/`: one archived version, rendered from its Markdown, with its status and neighbours. */
import type { ElementContent, Root } from 'hast';
import type { Lang } from '../../types.js';
import { h, type Child } from '../h.js';
import { htmlLang, messagesFor } from '../i18n.js';
import { renderBadge, renderDate, renderLayout } from '../layout.js';
import { hasHeadingOne } from '../markdown.js';
import type { VersionLanguages } from '../languages.js';
import type { VersionRef, VersionView } from '../model.js';
import { relativeHref, sitePaths } from '../paths.js';

/** Everything a version page shows besides the policy text. */
export interface VersionPageModel {
  lang: Lang;
  title: string;
  id: string;
  view: VersionView;
  /**
   * The version in effect today, for an upcoming version's banner (null otherwise:
   * a superseded page links to /latest/ instead, so it need not be re-rendered
   * each time a new version is published).
   */
  current: VersionRef | null;
  /** The first version still to come, for the current version's banner (null otherwise). */
  upcoming: VersionRef | null;
  /** The comparison of this version with the current one, older first (null for the current version). */
  compare?: [string, string] | null;
  /** The same version in other languages, and for a translation the original's version it follows. */
  languages?: VersionLanguages;
  baseUrl: string | null;
  /** The policy's remote images are shown (config `remoteImages`; see renderMarkdown): the page's CSP allows them. Default false. */
  remoteImages?: boolean;
}

function renderCompareLink(
  pair: [string, string],
  version: string,
  link: (to: string) => string,
  id: string,
  text: (current: string) => string,
): Child[] {
  const current = pair[0] === version ? pair[1] : pair[0];
  return [' ', h('a', { href: link(sitePaths.compare(id, pair[0], pair[1])), className: ['compare'] }, text(current))];
}

/** Renders a version page around the policy's sanitised content (see renderMarkdown). Pure. */
export function renderVersionPage(model: VersionPageModel, content: Root): Root {
  const { lang, id, view } = model;
  const { entry } = view;
  const messages = messagesFor(lang);
  const path = sitePaths.version(id, entry.version);
  const link = (to: string): string => relativeHref(path, to);
  const versionLink = (ref: VersionRef): Child => h('a', { href: link(sitePaths.version(id, ref.version)) }, messages.versionLabel(ref.version));

  let banner: Child[];
  let bannerClass = 'banner';
  if (view.status === 'current') {
    bannerClass = 'banner banner-current';
    banner = [h('p', {}, messages.bannerCurrent(renderDate(entry.effective, lang)))];
    if (model.upcoming) {
      const changes = h('a', { href: link(sitePaths.changes(id, model.upcoming.version)) }, messages.changesInThisVersion);
      banner.push(h('p', {}, messages.bannerUpcomingNotice(versionLink(model.upcoming), renderDate(model.upcoming.effective, lang), changes)));
    }
  } else if (view.status === 'superseded' && view.supersededBy) {
    banner = [
      h(
        'p',
        {},
        messages.bannerSuperseded(
          versionLink(view.supersededBy),
          renderDate(view.supersededBy.effective, lang),
          h('a', { href: link(sitePaths.latest(id)) }, messages.readCurrent),
        ),
      ),
    ];
  } else {
    banner = [h('p', {}, messages.bannerUpcoming(renderDate(entry.effective, lang), model.current ? versionLink(model.current) : null))];
  }

  const meta = h(
    'dl',
    { className: ['meta'] },
    h('dt', {}, messages.versionColumn),
    h('dd', {}, entry.version),
    h('dt', {}, messages.publishedLabel),
    h('dd', {}, renderDate(entry.date, lang)),
    h('dt', {}, messages.effectiveLabel),
    h('dd', {}, renderDate(entry.effective, lang)),
    h('dt', {}, messages.levelLabel),
    h(
      'dd',
      {},
      renderBadge(entry.level, lang),
      entry.override ? messages.overridden : null,
      ' ',
      h('a', { href: link(sitePaths.changes(id, entry.version)) }, messages.changesInThisVersion),
      model.compare ? renderCompareLink(model.compare, entry.version, link, id, messages.compareWithCurrent) : null,
    ),
    h('dt', {}, messages.formatsLabel),
    h('dd', {}, h('a', { href: link(sitePaths.source(id, entry.version)), type: 'text/markdown' }, messages.markdownSource)),
    h('dt', {}, messages.sha256Label),
    h('dd', {}, h('code', { className: ['hash'] }, entry.sha256)),
  );

  const languages = model.languages?.languages ?? [];
  const follows = model.languages?.follows ?? null;
  const languageNav =
    languages.length > 0
      ? h(
          'nav',
          { className: ['languages'], ariaLabel: messages.languagesLabel },
          h('span', {}, `${messages.languagesLabel}: `),
          h(
            'ul',
            {},
            languages.map((other) =>
              h('li', {}, h('a', { href: link(sitePaths.version(other.id, other.version)), hrefLang: htmlLang(other.lang), lang: htmlLang(other.lang) }, messages.langName[other.lang])),
            ),
          ),
        )
      : null;
  const followsNote = follows
    ? h(
        'p',
        { className: ['follows'] },
        messages.translationFollows(h('a', { href: link(sitePaths.version(follows.id, follows.version)), hrefLang: htmlLang(follows.lang) }, messages.versionLabel(follows.version))),
      )
    : null;

  const article: ElementContent[] = [];
  if (!hasHeadingOne(content)) article.push(h('h1', {}, model.title));
  article.push(...(content.children as ElementContent[]));

  const pager = h(
    'nav',
    { className: ['pager'], ariaLabel: messages.versionNav },
    view.previous !== null
      ? h('a', { href: link(sitePaths.version(id, view.previous)), rel: ['prev'] }, `← ${messages.previousVersion(view.previous)}`)
      : null,
    view.next !== null ? h('a', { href: link(sitePaths.version(id, view.next)), rel: ['next'], className: ['next'] }, `${messages.nextVersion(view.next)} →`) : null,
  );

  return renderLayout({
    lang,
    path,
    title: messages.versionPageTitle(model.title, entry.version),
    crumbs: [
      { label: messages.home, path: sitePaths.home() },
      { label: model.title, path: sitePaths.versions(id) },
      { label: messages.versionLabel(entry.version), path: null },
    ],
    feed: { path: sitePaths.feed(id), title: model.title },
    baseUrl: model.baseUrl,
    remoteImages: model.remoteImages ?? false,
    alternates: languages.map((other) => ({ lang: other.lang, path: sitePaths.version(other.id, other.version) })),
    main: [
      languageNav,
      h('div', { className: bannerClass.split(' '), role: 'note', dataStatus: view.status }, banner),
      followsNote,
      meta,
      h('article', { className: ['policy'] }, article),
      pager,
    ],
  });
}
