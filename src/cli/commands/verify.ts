/** `policy verify`: recompute every archived file's hash and the hash chain. */
import { Option, type Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy verify`. */
export interface VerifyCliOptions {
  format: 'text' | 'json';
  strict?: boolean;
}

/** Adds the verify command to the program. */
export function registerVerify(program: Command, rt: CliRuntime): void {
  program
    .command('verify')
    .description('check that every archived version is present and unaltered and that the hash chain is intact')
    .option('--strict', 'treat leftovers of interrupted publishes and writes as errors, not warnings')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  policy verify\n  policy verify --strict --format json')
    .action(
      action(rt, async (options: VerifyCliOptions) => {
        const { runVerify } = await import('./verify-run.js');
        return runVerify(rt.ctx, options);
      }),
    );
}
