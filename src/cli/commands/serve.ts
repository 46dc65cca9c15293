/** `policy serve`: serve the built archive site over HTTP, building it first if needed. */
import type { Command } from 'commander';
import { rebasePath } from '../../project-root.js';
import { action, type CliRuntime } from '../runtime.js';

/** Options of `policy serve` as commander parses them. */
export interface ServeCommandOptions {
  port: string;
  host: string;
  /** Site folder; default: config `site` (`site`). The same option name as `policy site`. */
  out?: string;
  /** The older name of `--out`, kept as an alias. */
  dir?: string;
}

/** Adds the serve command to the program. */
export function registerServe(program: Command, rt: CliRuntime): void {
  program
    .command('serve')
    .description('serve the archive site (building or updating it first when it was built by policy site)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--out <dir>', 'site folder (default: "site" in policy.config.json, else site)')
    .option('--dir <dir>', 'alias of --out')
    .addHelpText('after', '\nExamples:\n  policy serve\n  policy serve --port 8080 --out public')
    .action(
      action(rt, async (options: ServeCommandOptions) => {
        const { runServe } = await import('./serve-run.js');
        const out = options.out ?? options.dir;
        return runServe(rt.ctx, { ...options, ...(out !== undefined ? { out: rebasePath(rt.ctx, out) } : {}) }, program.version() ?? '');
      }),
    );
}
