/**
 * `/<id>/latest/` and `/<id>/current/`: static redirects (meta refresh plus a
 * link) to the latest published version and to the one in effect today, the
 * same two words as the CLI's `<id>@latest` and `<id>@current`.
 */
import type { Root } from 'hast';
import type { Lang } from '../../types.js';
import { h } from '../h.js';
import { messagesFor } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { relativeHref, sitePaths } from '../paths.js';

/** Where /latest/ or /current/ points. */
export interface LatestPageModel {
  /** Which of the two redirects. */
  kind: 'latest' | 'current';
  lang: Lang;
  title: string;
  id: string;
  version: string;
  baseUrl: string | null;
}

/** Renders a redirect page. Pure. */
export function renderLatestPage(model: LatestPageModel): Root {
  const messages = messagesFor(model.lang);
  const path = model.kind === 'latest' ? sitePaths.latest(model.id) : sitePaths.current(model.id);
  const title = model.kind === 'latest' ? messages.latestTitle(model.title) : messages.currentTitle(model.title);
  const redirect = model.kind === 'latest' ? messages.latestRedirect : messages.currentRedirect;
  const target = sitePaths.version(model.id, model.version);
  return renderLayout({
    lang: model.lang,
    path,
    title,
    crumbs: [
      { label: messages.home, path: sitePaths.home() },
      { label: model.title, path: sitePaths.versions(model.id) },
      { label: model.kind === 'latest' ? messages.latestLabel : messages.status.current, path: null },
    ],
    baseUrl: model.baseUrl,
    refreshTo: target,
    noindex: true,
    main: [
      h('h1', {}, title),
      h('p', {}, redirect(h('a', { href: relativeHref(path, target) }, messages.versionLabel(model.version)))),
    ],
  });
}
