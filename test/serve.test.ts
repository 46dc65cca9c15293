import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../src/cli/commands/serve-run.js';
import type { Context } from '../src/context.js';
import { contentTypeFor, parseRequestPath, startSiteServer, type RunningServer } from '../src/site/serve.js';
import { bundleCli, makeSiteRepo, SITE_NOW } from './helpers/browser.js';
import { runPolicy } from './helpers/cli.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTP request: the path is sent exactly as given (no URL normalisation). */
function get(server: RunningServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let repo: ReturnType<typeof makeSiteRepo>;
let server: RunningServer;
let siteDir: string;

beforeAll(async () => {
  repo = makeSiteRepo();
  const built = await runPolicy(['site'], { cwd: repo.root, now: SITE_NOW });
  expect(built.code).toBe(0);
  siteDir = join(repo.root, 'site');
  // A secret beside the site, and links that try to reach it.
  writeFileSync(join(repo.root, 'secret.txt'), 'top secret');
  mkdirSync(join(repo.root, 'secret-dir'));
  writeFileSync(join(repo.root, 'secret-dir/index.html'), 'secret page');
  symlinkSync(join(repo.root, 'secret.txt'), join(siteDir, 'leak.txt'));
  symlinkSync(join(repo.root, 'secret-dir'), join(siteDir, 'leak-dir'), 'dir');
  symlinkSync(join(siteDir, 'terms/1.0.md'), join(siteDir, 'inside-link.md'));
  server = await startSiteServer({ root: siteDir, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server?.close();
  repo?.remove();
});

describe('request paths', () => {
  it('decodes plain paths and rejects anything that is not one', () => {
    expect(parseRequestPath('/')).toEqual({ segments: [], directory: true });
    expect(parseRequestPath('/privacy-policy/2.0/?x=1')).toEqual({ segments: ['privacy-policy', '2.0'], directory: true });
    expect(parseRequestPath('/%E9%9A%90%E7%A7%81/feed.xml')).toEqual({ segments: ['隐私', 'feed.xml'], directory: false });
    for (const bad of ['', 'x', '/../x', '/%2e%2e/x', '/a/%2E%2E', '/a%2Fb', '/a%5Cb', '//etc', '/a/./b', '/.policy-site.json', '/%00', '/%E9%9A', '/C:/x']) {
      expect(parseRequestPath(bad), bad).toBeNull();
    }
  });

  it('knows the content types of the site', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/feed.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(contentTypeFor('a/1.0.md')).toBe('text/markdown; charset=utf-8');
    expect(contentTypeFor('a/index.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});

describe('the site server', () => {
  it('serves pages, feeds, Markdown and JSON with their types and charsets', async () => {
    const home = await get(server, '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body.toString('utf8')).toBe(readFileSync(join(siteDir, 'index.html'), 'utf8'));
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['content-security-policy']).toContain("default-src 'none'");
    const cases: [string, string, string][] = [
      ['/privacy-policy/2.0/changes/', 'text/html; charset=utf-8', 'privacy-policy/2.0/changes/index.html'],
      ['/privacy-policy/feed.xml', 'application/atom+xml; charset=utf-8', 'privacy-policy/feed.xml'],
      ['/privacy-policy/1.0.md', 'text/markdown; charset=utf-8', 'privacy-policy/1.0.md'],
      ['/terms/index.json', 'application/json; charset=utf-8', 'terms/index.json'],
      ['/inside-link.md', 'text/markdown; charset=utf-8', 'terms/1.0.md'],
    ];
    for (const [path, type, file] of cases) {
      const reply = await get(server, path);
      expect([reply.status, reply.headers['content-type']], path).toEqual([200, type]);
      expect(reply.body.equals(readFileSync(join(siteDir, file))), path).toBe(true);
    }
  });

  it('redirects a folder without its slash, keeping the query', async () => {
    const reply = await get(server, '/privacy-policy?ref=mail');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/privacy-policy/?ref=mail');
  });

  it('answers conditional requests with 304', async () => {
    const first = await get(server, '/terms/');
    const etag = first.headers.etag!;
    const lastModified = first.headers['last-modified']!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    const byTag = await get(server, '/terms/', { 'If-None-Match': `"other", ${etag}` });
    expect([byTag.status, byTag.body.length, byTag.headers.etag]).toEqual([304, 0, etag]);
    expect((await get(server, '/terms/', { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get(server, '/terms/', { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await get(server, '/terms/', { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified })).status).toBe(200);
  });

  it('compresses with gzip only when the client accepts it', async () => {
    const file = readFileSync(join(siteDir, 'privacy-policy/2.0/index.html'));
    const zipped = await get(server, '/privacy-policy/2.0/', { 'Accept-Encoding': 'br, gzip;q=0.8' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).equals(file)).toBe(true);
    expect(zipped.body.length).toBeLessThan(file.length);
    const plain = await get(server, '/privacy-policy/2.0/', { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(file.length));
    expect(plain.body.equals(file)).toBe(true);
    // The two representations have different validators.
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect((await get(server, '/privacy-policy/2.0/', { 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.etag! })).status).toBe(304);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get(server, '/terms/feed.xml', {}, 'HEAD');
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([
      200,
      0,
      String(readFileSync(join(siteDir, 'terms/feed.xml')).length),
    ]);
    const post = await get(server, '/', {}, 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('gives 404 for every way out of the site folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/privacy-policy/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2Fetc%2Fpasswd',
      '//etc/passwd',
      `/${encodeURIComponent(join(repo.root, 'secret.txt'))}`,
      '/leak.txt',
      '/leak-dir/',
      '/leak-dir/index.html',
      '/.policy-site.json',
      '/privacy-policy/.',
      '/privacy-policy/%00',
      '/nope/',
      'http://127.0.0.1/../secret.txt',
      '*',
    ];
    for (const path of attempts) {
      const reply = await get(server, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString('utf8'), path).not.toContain('secret');
    }
  });

  it('sends a bare ../ request line (no client normalisation) and still gives 404', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end('GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 404 /);
    expect(raw).not.toContain('top secret');
  });
});

describe('policy serve', () => {
  function captureContext(cwd: string): { ctx: Context; out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
      ctx: {
        cwd,
        env: {},
        now: () => SITE_NOW,
        random: () => 0.5,
        stdout: { write: (chunk: string) => (out += chunk) },
        stderr: { write: (chunk: string) => (err += chunk) },
        stdin: process.stdin,
      },
      out: () => out,
      err: () => err,
    };
  }

  it('builds the site when it is missing, serves it, and stops when told to', async () => {
    const local = makeSiteRepo();
    try {
      const { ctx, out } = captureContext(local.root);
      const controller = new AbortController();
      let running: RunningServer | null = null;
      const done = runServe(ctx, { port: '0', host: '127.0.0.1', out: 'public' }, '0.0.0-test', {
        signal: controller.signal,
        onListening: (s) => (running = s),
      });
      await expect.poll(() => running, { timeout: 20_000 }).not.toBeNull();
      const page = await get(running!, '/privacy-policy/');
      expect(page.status).toBe(200);
      expect(page.body.toString('utf8')).toContain('隐私政策：历史版本');
      controller.abort();
      expect(await done).toBe(0);
      expect(out()).toMatch(/^Built public\/ \(2 policies, 5 versions\): 31 files written, 0 unchanged, 0 removed\nServing public\/ at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\nStopped\.\n$/);
      await expect(get(running!, '/')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      local.remove();
    }
  });

  it('reports a port in use and a bad port in one line', async () => {
    const busy = await runPolicy(['serve', '--port', String(server.port), '--dir', 'site'], { cwd: repo.root, now: SITE_NOW });
    expect([busy.code, busy.stderr]).toEqual([2, `policy: --port: 127.0.0.1:${server.port} is already in use (choose another with --port)\n`]);
    const bad = await runPolicy(['serve', '--port', 'http'], { cwd: repo.root });
    expect([bad.code, bad.stderr]).toEqual([2, 'policy: --port: expected a port number from 0 to 65535, found "http"\n']);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`shuts down cleanly on ${signal} as a real process`, async () => {
      const cli = await bundleCli();
      // --out is the option's name (as for policy site); --dir stays as its alias.
      const option = signal === 'SIGTERM' ? '--out' : '--dir';
      const child = spawn(process.execPath, [cli, 'serve', '--port', '0', option, 'site'], { cwd: repo.root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await expect.poll(() => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout), { timeout: 20_000 }).not.toBeNull();
      const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)![1]);
      const served = await get({ port } as RunningServer, '/terms/');
      expect(served.status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/Stopped\.\n$/);
      await expect(get({ port } as RunningServer, '/')).rejects.toThrow(/ECONNREFUSED/);
    });
  }
});
