/**
 * The frame shared by every page: head (charset, viewport, a strict content
 * security policy, inline CSS), a header with breadcrumbs, main, footer. Also
 * the small pieces pages are made of (level badges, dates).
 */
import type { Element, Root } from 'hast';
import type { ArchivedLevel, Lang, RevisionLevel } from '../types.js';
import { contentSecurityPolicy } from './csp.js';
import { documentRoot, h, type Child } from './h.js';
import { htmlLang, messagesFor } from './i18n.js';
import { absoluteUrl, relativeHref, sitePaths } from './paths.js';
import { SITE_CSS } from './styles.js';

/** A breadcrumb: a label and the page it links to (null for the current page). */
export interface Crumb {
  label: string;
  path: string | null;
  lang?: string;
}

/** What a page puts into the shared frame. */
export interface LayoutOptions {
  lang: Lang;
  /** The page's own path (see sitePaths), used to make links relative. */
  path: string;
  title: string;
  crumbs: Crumb[];
  main: Child[];
  /** The policy's Atom feed, advertised in the head. */
  feed?: { path: string; title: string };
  /** Public base URL, for the canonical link. */
  baseUrl: string | null;
  /** A page that only sends the reader elsewhere (meta refresh). */
  refreshTo?: string;
  /** Keep robots from indexing the page (redirect pages). */
  noindex?: boolean;
  /** A page of wide tables rather than running text. */
  wide?: boolean;
  /** The same page in other languages (`<link rel="alternate" hreflang>`). */
  alternates?: { lang: Lang; path: string }[];
  /** The page shows a policy's remote images (config `remoteImages`): its CSP allows `https:` images. Default false. */
  remoteImages?: boolean;
}

/** Renders a complete page. Pure. */
export function renderLayout(options: LayoutOptions): Root {
  const messages = messagesFor(options.lang);
  const link = (to: string): string => relativeHref(options.path, to);
  const head: Child[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy({ remoteImages: options.remoteImages ?? false }) }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    options.noindex ? h('meta', { name: 'robots', content: 'noindex' }) : null,
    options.refreshTo !== undefined ? h('meta', { httpEquiv: ['refresh'], content: `0; url=${link(options.refreshTo)}` }) : null,
    h('title', {}, options.title),
    options.baseUrl ? h('link', { rel: ['canonical'], href: absoluteUrl(options.baseUrl, options.refreshTo ?? options.path) }) : null,
    options.feed
      ? h('link', { rel: ['alternate'], type: 'application/atom+xml', title: options.feed.title, href: link(options.feed.path) })
      : null,
    (options.alternates ?? []).map((alternate) => h('link', { rel: ['alternate'], hrefLang: htmlLang(alternate.lang), href: link(alternate.path) })),
    h('style', {}, SITE_CSS),
  ];
  const crumbs = options.crumbs.map((crumb) =>
    h(
      'li',
      {},
      crumb.path === null
        ? crumb.lang
          ? h('span', { lang: crumb.lang }, crumb.label)
          : crumb.label
        : h('a', { href: link(crumb.path), lang: crumb.lang }, crumb.label),
    ),
  );
  const body = h(
    'body',
    { className: options.wide ? ['wide'] : undefined },
    h('a', { className: ['skip'], href: '#main' }, messages.skipToContent),
    h(
      'header',
      { className: ['site'] },
      h('p', { className: ['site-name'] }, h('a', { href: link(sitePaths.home()) }, messages.siteName)),
      crumbs.length > 0 ? h('nav', { ariaLabel: messages.breadcrumb }, h('ol', { className: ['crumbs'] }, crumbs)) : null,
    ),
    h('main', { id: 'main' }, options.main),
    h(
      'footer',
      { className: ['site'] },
      h('p', {}, messages.generatedBy, options.feed ? [' ', h('a', { href: link(options.feed.path) }, messages.atomFeed)] : null),
    ),
  );
  return documentRoot(h('html', { lang: htmlLang(options.lang) }, h('head', {}, head), body));
}

/** A level badge: major, minor, first version (or none, for a revision without visible changes). */
export function renderBadge(level: ArchivedLevel | RevisionLevel, lang: Lang): Element {
  const messages = messagesFor(lang);
  const label = level === 'none' ? messages.levelNone : messages.level[level];
  return h('span', { className: ['badge', `badge-${level}`] }, label);
}

/** A date as a `<time>` element, written the way the language writes dates (or as YYYY-MM-DD where space is short, in tables). */
export function renderDate(iso: string, lang: Lang, compact = false): Element {
  return h('time', { dateTime: iso }, compact ? iso : messagesFor(lang).date(iso));
}
