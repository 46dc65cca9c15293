/** `policy serve`: serve the built archive site over HTTP, building it first if needed. */
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** Options of `policy serve` as commander parses them. */
export interface ServeCommandOptions {
  port: string;
  host: string;
  /** Site folder; default: config `site` (`site`). */
  dir?: string;
}

/** Adds the serve command to the program. */
export function registerServe(program: Command, rt: CliRuntime): void {
  program
    .command('serve')
    .description('serve the archive site (building or updating it first when it was built by policy site)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--dir <dir>', 'site folder (default: "site" in policy.config.json, else site)')
    .addHelpText('after', '\nExamples:\n  policy serve\n  policy serve --port 8080 --dir public')
    .action(
      action(rt, async (options: ServeCommandOptions) => {
        const { runServe } = await import('./serve-run.js');
        return runServe(rt.ctx, options, program.version() ?? '');
      }),
    );
}
