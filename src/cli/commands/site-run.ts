/** Runs `policy site`: resolves options against the configuration, builds, prints a one-line summary. */
import { assertArchiveVerified } from '../../archive/verify.js';
import { readConfig, type Config } from '../../config.js';
import { warn, type Context } from '../../context.js';
import { EXIT, PolicyError } from '../../errors.js';
import { displayDir, parseBaseUrl } from '../../site/paths.js';
import { defaultJobs } from '../../site/pool.js';
import { writeSite, type SiteSummary } from '../../site/write-site.js';
import type { SiteCommandOptions } from './site.js';
import { requirePolicies } from '../../project-root.js';
import { parseSender } from '../../notify/message.js';

/** Parses `--jobs`: a whole number from 1 to 64. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new PolicyError('USAGE', `--jobs: expected a whole number from 1 to 64, found "${value}"`);
  }
  return jobs;
}

/** Who the feeds name as their author: `organization`, else the display name of `notify.from` (never its address). */
function feedAuthor(config: Config): string | null {
  if (config.organization !== undefined) return config.organization;
  if (config.notify.from === undefined) return null;
  const name = parseSender(config.notify.from, 'notify.from').name.trim();
  return name === '' ? null : name;
}

/** Builds the site with the configuration's defaults; shared by `policy serve`. */
export async function buildSite(ctx: Context, options: SiteCommandOptions & { out?: string }, generator: string): Promise<SiteSummary> {
  const { config } = await readConfig(ctx);
  await assertArchiveVerified(ctx, config, 'the site was not built');
  const baseUrl =
    options.baseUrl !== undefined
      ? parseBaseUrl(options.baseUrl, '--base-url')
      : config.siteUrl !== undefined
        ? parseBaseUrl(config.siteUrl, 'policy.config.json "siteUrl"')
        : null;
  const summary = await writeSite(ctx, {
    out: options.out ?? config.site,
    archive: config.archive,
    baseUrl,
    generator,
    jobs: parseJobs(options.jobs),
    force: options.force ?? false,
    author: feedAuthor(config),
    remoteImages: config.remoteImages,
  });
  for (const message of summary.warnings) warn(ctx, message);
  return summary;
}

/** A one-line account of a build. Pure. */
export function renderSiteSummary(summary: SiteSummary, cwd: string): string {
  const dir = displayDir(summary.outDir, cwd);
  const versions = `${summary.policies} ${summary.policies === 1 ? 'policy' : 'policies'}, ${summary.versions} ${summary.versions === 1 ? 'version' : 'versions'}`;
  const written = `${summary.written} ${summary.written === 1 ? 'file' : 'files'} written`;
  return `Built ${dir}/ (${versions}): ${written}, ${summary.unchanged} unchanged, ${summary.removed} removed\n`;
}

/** `policy site`. */
export async function runSite(ctx: Context, options: SiteCommandOptions, generator: string): Promise<number> {
  await requirePolicies(ctx, (await readConfig(ctx)).config);
  const summary = await buildSite(ctx, options, generator);
  if (summary.relativeLinks) {
    warn(ctx, 'no siteUrl configured: the feeds use relative links (set "siteUrl" in policy.config.json or pass --base-url)');
  }
  ctx.stdout.write(renderSiteSummary(summary, ctx.cwd));
  return EXIT.ok;
}
