/** `/<id>/latest/`: a static redirect (meta refresh plus a link) to the version in effect. */
import type { Root } from 'hast';
import type { Lang } from '../../types.js';
import { h } from '../h.js';
import { messagesFor } from '../i18n.js';
import { renderLayout } from '../layout.js';
import { relativeHref, sitePaths } from '../paths.js';

/** Where /latest/ points. */
export interface LatestPageModel {
  lang: Lang;
  title: string;
  id: string;
  version: string;
  baseUrl: string | null;
}

/** Renders the redirect page. Pure. */
export function renderLatestPage(model: LatestPageModel): Root {
  const messages = messagesFor(model.lang);
  const path = sitePaths.latest(model.id);
  const target = sitePaths.version(model.id, model.version);
  return renderLayout({
    lang: model.lang,
    path,
    title: messages.latestTitle(model.title),
    crumbs: [
      { label: messages.home, path: sitePaths.home() },
      { label: model.title, path: sitePaths.versions(model.id) },
      { label: messages.status.current, path: null },
    ],
    baseUrl: model.baseUrl,
    refreshTo: target,
    noindex: true,
    main: [
      h('h1', {}, messages.latestTitle(model.title)),
      h('p', {}, messages.latestRedirect(h('a', { href: relativeHref(path, target) }, messages.versionLabel(model.version)))),
    ],
  });
}
