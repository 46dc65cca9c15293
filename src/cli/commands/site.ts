/** `policy site`: build the static archive site from archive/. */
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';
import { rebasePath } from '../../project-root.js';

/** Options of `policy site` as commander parses them. */
export interface SiteCommandOptions {
  /** Output folder; default: config `site` (`site`). */
  out?: string;
  /** Public URL of the site; default: config `siteUrl`. */
  baseUrl?: string;
  /** Rendering threads; default: one per core. */
  jobs?: string;
  force?: boolean;
}

/** Adds the site command to the program. */
export function registerSite(program: Command, rt: CliRuntime): void {
  program
    .command('site')
    .description('build the static archive site: every version, its redline, a feed (only what changed is re-rendered)')
    .option('--out <dir>', 'output folder (default: "site" in policy.config.json, else site)')
    .option('--base-url <url>', 'public URL of the site, for the feed and canonical links (default: "siteUrl" in policy.config.json)')
    .option('--jobs <n>', 'rendering threads (default: one per CPU core)')
    .option('--force', 're-render every page even if its inputs did not change')
    .addHelpText('after', '\nExamples:\n  policy site\n  policy site --out public --base-url https://example.com/policies/')
    .action(
      action(rt, async (options: SiteCommandOptions) => {
        const { runSite } = await import('./site-run.js');
        return runSite(rt.ctx, options.out === undefined ? options : { ...options, out: rebasePath(rt.ctx, options.out) }, program.version() ?? '');
      }),
    );
}
