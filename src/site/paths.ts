/**
 * Where everything lives in the built site, and the rules that keep policy ids
 * and version names from escaping the output folder or colliding with each
 * other. Page paths are relative to the site root: `''` is the home page,
 * folder pages end with `/` and are written as `<path>index.html`.
 */
import { isAbsolute, posix, relative } from 'node:path';
import { PolicyError, MESSAGES } from '../errors.js';

/** How to name a folder to the user: relative to the repository when inside it, else absolute. Pure. */
export function displayDir(dir: string, cwd: string): string {
  const rel = relative(cwd, dir);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}

/** The path of every kind of page and file, relative to the site root. */
export const sitePaths = {
  home: (): string => '',
  versions: (id: string): string => `${id}/`,
  version: (id: string, version: string): string => `${id}/${version}/`,
  changes: (id: string, version: string): string => `${id}/${version}/changes/`,
  latest: (id: string): string => `${id}/latest/`,
  compare: (id: string, from: string, to: string): string => `${id}/compare/${from}...${to}/`,
  current: (id: string): string => `${id}/current/`,
  feed: (id: string): string => `${id}/feed.xml`,
  source: (id: string, version: string): string => `${id}/${version}.md`,
  index: (id: string): string => `${id}/index.json`,
  status: (id: string): string => `${id}/status.json`,
};

/** The file that holds a page: folder pages are `<path>index.html`. */
export function outputFile(pagePath: string): string {
  return pagePath === '' || pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
}

/** A site path as a URL path: every segment percent-encoded (ids may be written in any script). */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A relative link from one page to another, so the site works under any base path and from any host. */
export function relativeHref(from: string, to: string): string {
  const fromDir = from === '' || from.endsWith('/') ? from : posix.dirname(from) === '.' ? '' : `${posix.dirname(from)}/`;
  const relative = encodePath(posix.relative(`/${fromDir}`, `/${to}`));
  if (to === '' || to.endsWith('/')) return relative === '' ? './' : `${relative}/`;
  return relative;
}

/** An absolute URL for a page under the site's public base URL. */
export function absoluteUrl(baseUrl: string, pagePath: string): string {
  return new URL(encodePath(pagePath), baseUrl).href;
}

/** Normalises a base URL so that relative paths resolve under it (trailing slash); throws USAGE on anything but http(s). */
export function parseBaseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`"${value}" is not a URL (expected e.g. https://example.com/policies/)`, { subject: source }), { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PolicyError('USAGE', MESSAGES.USAGE(`"${value}" must be an http or https URL`, { subject: source }));
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

// A name ending like a file the site writes could collide with it (e.g. a folder `x.md` and the source copy of `x`).
const FILE_LIKE = /\.(?:html?|json|xml|md)$/i;
const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]{0,99}$/u;
const RESERVED_VERSIONS = new Set(['latest', 'current', 'changes', 'compare']);

/** True when a name is safe as one URL path segment and one file name in the site. */
export function isSafeName(name: string): boolean {
  return SEGMENT.test(name) && !FILE_LIKE.test(name) && !name.includes('..');
}

/** Checks a policy id for use in the site; throws BAD_ID naming the file it came from. */
export function assertSafeId(id: string, file: string): void {
  if (!isSafeName(id)) {
    throw new PolicyError('BAD_ID', MESSAGES.BAD_ID(`policy id "${id}" cannot be used in the site (expected letters, digits, ".", "_" or "-", starting with a letter or digit, not ending in .md/.html/.json/.xml)`, { file }));
  }
}

/** Checks a version name for use in the site; throws ARCHIVE_INVALID naming the index file. */
export function assertSafeVersion(version: string, file: string): void {
  if (!isSafeName(version) || RESERVED_VERSIONS.has(version.toLowerCase())) {
    throw new PolicyError('ARCHIVE_INVALID', MESSAGES.ARCHIVE_INVALID(`version "${version}" cannot be used in the site (expected e.g. 2.0)`, { file }));
  }
}

/**
 * Checks a site-relative output path: no absolute paths, no `.`/`..` segments,
 * no empty segments, no backslashes. Returns it unchanged.
 */
export function assertInsideSite(relativePath: string): string {
  const segments = relativePath.split('/');
  const bad =
    relativePath === '' ||
    relativePath.startsWith('/') ||
    relativePath.includes('\\') ||
    relativePath.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) throw new PolicyError('BAD_ID', MESSAGES.BAD_ID(`refusing to write "${relativePath}" outside the site folder`));
  return relativePath;
}
