/** `policy log [id]`: the archived versions of a policy, newest first. */
import { Option, type Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy log`. */
export interface LogOptions {
  format: 'text' | 'json';
}

/** Adds the log command to the program. */
export function registerLog(program: Command, rt: CliRuntime): void {
  program
    .command('log')
    .description('list the archived versions of a policy (or of every policy), newest first')
    .argument('[id]', 'the policy id (default: every archived policy)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  policy log privacy-policy\n  policy log --format json')
    .action(
      action(rt, async (id: string | undefined, options: LogOptions) => {
        const { runLog } = await import('./log-run.js');
        return runLog(rt.ctx, id, options);
      }),
    );
}
