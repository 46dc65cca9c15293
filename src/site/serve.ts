/**
 * A small static file server for the built site (node:http): content types
 * with charsets, ETag and Last-Modified with 304s, gzip when the client accepts
 * it. Only regular files inside the site folder are served: `..` (plain or
 * percent-encoded), absolute paths, dot files and symbolic links that lead out
 * of the folder all get a 404.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { parseComparePair, type CompareRenderer } from './compare-on-request.js';
import { contentSecurityPolicy } from './csp.js';

/** Content types by file extension; text types carry their charset. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:atom\+xml|json)|image\/svg\+xml)/;

/** The same content security policy as the pages' meta tag, plus what only a header can say. Pure. */
export function securityHeaders(remoteImages: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ remoteImages, header: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Where and how to serve. */
export interface ServeOptions {
  /** The site folder (absolute). */
  root: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Renders `/<id>/compare/<a>...<b>/` on request (see compare-on-request.ts); without it such paths are served as files. */
  compare?: CompareRenderer;
  /** Let pages load images from other servers (config `remoteImages`): the CSP header allows `https:` images. Default false. */
  remoteImages?: boolean;
}

/** A running server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:4000/`. */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting connections, ends open ones, and resolves when closed. */
  close(): Promise<void>;
}

/** The content type for a file name. Pure. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The path segments a request target names, decoded; null for anything that
 * is not a plain path inside the site (dot segments, encoded slashes, NUL,
 * empty segments, dot files). Pure.
 */
export function parseRequestPath(target: string): { segments: string[]; directory: boolean } | null {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) return null;
  const raw = path.slice(1).split('/');
  const directory = raw.at(-1) === '';
  if (directory) raw.pop();
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment) || /^[a-z]:/i.test(segment)) return null;
    segments.push(segment);
  }
  return { segments, directory };
}

function etagFor(size: number, mtimeMs: number, gzip: boolean): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${gzip ? '-gz' : ''}"`;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function notModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string') {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

function sendText(res: ServerResponse, security: Record<string, string>, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...security, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Answers a compare path from the renderer: the page, a redirect to the folder form, or 404. */
async function handleCompare(security: Record<string, string>, compare: CompareRenderer, segments: string[], directory: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pair = parseComparePair(segments[2] as string);
  const html = pair ? await compare(segments[0] as string, pair[0], pair[1]) : null;
  if (html === null) {
    sendText(res, security, 404, 'Not found\n');
    return;
  }
  if (!directory) {
    const [path, query] = (req.url ?? '').split(/\?(.*)/s, 2);
    sendText(res, security, 301, 'Moved\n', { Location: `${path}/${query ? `?${query}` : ''}` });
    return;
  }
  const body = Buffer.from(html);
  res.writeHead(200, { ...security, 'Content-Type': CONTENT_TYPES['.html'] as string, 'Content-Length': String(body.length), 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function handle(rootReal: string, security: Record<string, string>, req: IncomingMessage, res: ServerResponse, compare?: CompareRenderer): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, security, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const parsed = parseRequestPath(req.url ?? '');
  if (!parsed) {
    sendText(res, security, 404, 'Not found\n');
    return;
  }
  if (compare && parsed.segments.length === 3 && parsed.segments[1] === 'compare') {
    await handleCompare(security, compare, parsed.segments, parsed.directory, req, res);
    return;
  }
  const segments = parsed.directory || parsed.segments.length === 0 ? [...parsed.segments, 'index.html'] : parsed.segments;
  const candidate = join(rootReal, ...segments);
  let file: string;
  let info;
  try {
    file = await realpath(candidate);
    if (!file.startsWith(rootReal + sep)) throw new Error('outside the site');
    info = await stat(file);
  } catch {
    sendText(res, security, 404, 'Not found\n');
    return;
  }
  if (info.isDirectory()) {
    // `/privacy-policy` → `/privacy-policy/`, so relative links on the page resolve.
    const [path, query] = (req.url ?? '').split(/\?(.*)/s, 2);
    sendText(res, security, 301, 'Moved\n', { Location: `${path}/${query ? `?${query}` : ''}` });
    return;
  }
  if (!info.isFile()) {
    sendText(res, security, 404, 'Not found\n');
    return;
  }
  const type = contentTypeFor(file);
  const gzip = COMPRESSIBLE.test(type) && acceptsGzip(req);
  const etag = etagFor(info.size, info.mtimeMs, gzip);
  const headers: Record<string, string> = {
    ...security,
    'Content-Type': type,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'Cache-Control': 'no-cache',
  };
  if (COMPRESSIBLE.test(type)) headers.Vary = 'Accept-Encoding';
  if (notModified(req, etag, info.mtime)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (gzip) headers['Content-Encoding'] = 'gzip';
  else headers['Content-Length'] = String(info.size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  await (gzip ? pipeline(stream, createGzip(), res) : pipeline(stream, res));
}

/** Starts serving `root`; resolves once listening. */
export async function startSiteServer(options: ServeOptions): Promise<RunningServer> {
  const rootReal = await realpath(options.root);
  const security = securityHeaders(options.remoteImages ?? false);
  const server = createServer((req, res) => {
    handle(rootReal, security, req, res, options.compare).catch(() => {
      // A client that goes away mid-response is not an error worth reporting.
      if (!res.headersSent) sendText(res, security, 500, 'Internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
