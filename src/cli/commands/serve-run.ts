/**
 * Runs `policy serve`: brings the site up to date when it is ours (or does not
 * exist yet), serves it until SIGINT/SIGTERM (or the given signal aborts), then
 * closes every connection and returns.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readConfig } from '../../config.js';
import { warn, type Context } from '../../context.js';
import { EXIT, PolicyError } from '../../errors.js';
import { MANIFEST_FILE } from '../../site/manifest.js';
import { createCompareRenderer } from '../../site/compare-on-request.js';
import { displayDir, parseBaseUrl } from '../../site/paths.js';
import { startSiteServer, type RunningServer } from '../../site/serve.js';
import type { ServeCommandOptions } from './serve.js';
import { buildSite, renderSiteSummary } from './site-run.js';

/** Parses `--port`: 0 to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new PolicyError('USAGE', `--port: expected a port number from 0 to 65535, found "${value}"`);
  return port;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether to (re)build first: when the folder is missing or empty, or was built by policy site and the archive exists. */
async function shouldBuild(dir: string, archiveDir: string): Promise<boolean> {
  if (!(await exists(dir))) return true;
  if (await exists(join(dir, MANIFEST_FILE))) return exists(archiveDir);
  const entries = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  return entries.length === 0;
}

/** Waits for SIGINT or SIGTERM (or `signal`). */
function waitForStop(signal?: AbortSignal): Promise<string> {
  return new Promise((done) => {
    const finish = (name: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      done(name);
    };
    const onInt = (): void => finish('SIGINT');
    const onTerm = (): void => finish('SIGTERM');
    const onAbort = (): void => finish('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) finish('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `policy serve`. Resolves with the exit status once stopped. `hooks` let tests stop it and learn the URL. */
export async function runServe(
  ctx: Context,
  options: ServeCommandOptions,
  generator: string,
  hooks: { signal?: AbortSignal; onListening?: (server: RunningServer) => void } = {},
): Promise<number> {
  const port = parsePort(options.port);
  const { config } = await readConfig(ctx);
  const dirOption = options.out ?? options.dir ?? config.site;
  const dir = resolve(ctx.cwd, dirOption);
  const label = displayDir(dir, ctx.cwd);
  if (await shouldBuild(dir, resolve(ctx.cwd, config.archive))) {
    const summary = await buildSite(ctx, { out: dirOption }, generator);
    ctx.stdout.write(renderSiteSummary(summary, ctx.cwd));
  } else if (!(await exists(join(dir, MANIFEST_FILE)))) {
    warn(ctx, `${label}: not built by policy site; serving it as it is`);
  }
  let server: RunningServer;
  try {
    const baseUrl = config.siteUrl !== undefined ? parseBaseUrl(config.siteUrl, 'policy.config.json "siteUrl"') : null;
    const compare = createCompareRenderer({ archiveDir: resolve(ctx.cwd, config.archive), cwd: ctx.cwd, baseUrl });
    server = await startSiteServer({ root: dir, host: options.host, port, compare, remoteImages: config.remoteImages });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PolicyError('USAGE', `--port: ${options.host}:${port} is already in use (choose another with --port)`, {}, { cause: error });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new PolicyError('USAGE', `--host: cannot listen on "${options.host}"`, {}, { cause: error });
    if (code === 'EACCES') throw new PolicyError('USAGE', `--port: not allowed to listen on port ${port} (choose one above 1023)`, {}, { cause: error });
    if (code === 'ENOENT') throw new PolicyError('FILE_NOT_FOUND', `${label}: no such folder`, {}, { cause: error });
    throw error;
  }
  ctx.stdout.write(`Serving ${label}/ at ${server.url} (Ctrl-C to stop)\n`);
  hooks.onListening?.(server);
  await waitForStop(hooks.signal);
  await server.close();
  ctx.stdout.write('Stopped.\n');
  return EXIT.ok;
}
