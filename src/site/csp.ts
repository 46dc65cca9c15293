/**
 * The archive site's Content-Security-Policy, one function of the
 * configuration for both places that send it: the pages' meta tag (static
 * hosting) and `policy serve`'s response header. Scripts, frames, plugins,
 * forms and remote styles are always off; images come from the site itself
 * (and `data:`), and from other servers (`https:`) only with `remoteImages`.
 */

/** What the policy depends on. */
export interface CspOptions {
  /** Allow `https:` images (config `remoteImages`). Default false. */
  remoteImages?: boolean;
  /**
   * For a response header: adds `frame-ancestors 'none'`, which browsers
   * ignore in a meta tag (and warn about). Default false.
   */
  header?: boolean;
}

/** The policy's text. Pure. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const images = ["'self'", ...(options.remoteImages ? ['https:'] : []), 'data:'];
  const directives = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.header ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}
