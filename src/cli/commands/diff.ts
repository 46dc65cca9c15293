/** `policy diff <old> <new>`: compare two versions and classify every change. */
import { Option, type Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';
import { rebaseFileOrReference } from '../../project-root.js';

export interface DiffOptions {
  format: 'text' | 'markdown' | 'json';
  exitCode?: boolean;
}

/** Adds the diff command to the program. */
export function registerDiff(program: Command, rt: CliRuntime): void {
  program
    .command('diff')
    .description('compare two versions of a policy and classify every change as major or minor')
    .argument('<old>', 'the earlier version: a file, or <id>@<version|date|latest> from the archive')
    .argument('<new>', 'the later version: a file, or <id>@<version|date|latest>')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--exit-code', 'exit with 1 when the revision is major (like git diff --exit-code)')
    .addHelpText(
      'after',
      '\nExamples:\n  policy diff archive/privacy-policy/1.0.md policies/privacy-policy.md\n  policy diff privacy-policy@latest policies/privacy-policy.md --format json',
    )
    .action(
      action(rt, async (oldRef: string, newRef: string, options: DiffOptions) => {
        const { runDiff } = await import('./diff-run.js');
        const [oldArg, newArg] = [await rebaseFileOrReference(rt.ctx, oldRef), await rebaseFileOrReference(rt.ctx, newRef)];
        return runDiff(rt.ctx, oldArg, newArg, options);
      }),
    );
}
