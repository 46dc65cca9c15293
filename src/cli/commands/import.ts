/** `policy import <file>`: a policy's git history becomes its archive. */
import type { Command } from 'commander';
import { rebasePath } from '../../project-root.js';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy import`. */
export interface ImportCliOptions {
  /** Only commits on or after this date (YYYY-MM-DD). */
  since?: string;
  dryRun?: boolean;
}

/** Adds the import command to the program. */
export function registerImport(program: Command, rt: CliRuntime): void {
  program
    .command('import')
    .description("archive every committed version of a policy from its git history (for a policy that has no archive yet)")
    .argument('<file>', 'the policy file, e.g. policies/privacy-policy.md')
    .option('--since <date>', 'only the versions committed on or after this date (YYYY-MM-DD)')
    .option('--dry-run', 'show the versions it would write; write nothing')
    .addHelpText('after', '\nExamples:\n  policy import policies/privacy-policy.md --dry-run\n  policy import policies/terms.md --since 2023-01-01')
    .action(
      action(rt, async (file: string, options: ImportCliOptions) => {
        const { runImport } = await import('./import-run.js');
        return runImport(rt.ctx, rebasePath(rt.ctx, file), options);
      }),
    );
}
