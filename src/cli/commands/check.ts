/** `policy check [files…]`: the pull-request gate — classify each policy's revision and validate it. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { FailOn } from '../../check/types.js';
import { action, type CliRuntime } from '../runtime.js';
import { rebasePath } from '../../project-root.js';

export interface CheckCommandOptions {
  base?: string;
  failOn: FailOn;
  failOnUnsure?: boolean;
  noticeDays?: number;
  requireNote: FailOn;
  format: 'text' | 'markdown' | 'json' | 'github';
}

function parseDays(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of days (0 or more).');
  return Number(value);
}

/** Adds the check command to the program. */
export function registerCheck(program: Command, rt: CliRuntime): void {
  program
    .command('check')
    .description('compare each policy with its base (the archive, or --base <git-ref>), classify the changes and validate them; for CI')
    .argument('[files...]', 'policy files to check (default: every *.md under the policies folder)')
    .option('--base <git-ref>', 'compare with the files at this git ref (e.g. origin/main) instead of the latest archived versions')
    .addOption(
      new Option('--fail-on <level>', 'exit with 1 when a revision reaches this level').choices(['major', 'minor', 'never']).default('never'),
    )
    .addOption(
      new Option('--require-note <level>', 'exit with 1 when a revision of this level has no changeNote in its front matter').choices(['major', 'minor', 'never']).default('never'),
    )
    .option('--fail-on-unsure', 'exit with 1 when any change has low confidence (needs a decision), whatever --fail-on says')
    .option('--notice-days <n>', 'a major revision needs a front matter effective date at least n days after today (default: config noticeDays)', parseDays)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json', 'github']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  policy check\n  policy check --base origin/main --fail-on major --notice-days 30 --require-note major\n  policy check --base origin/${GITHUB_BASE_REF} --format github',
    )
    .action(
      action(rt, async (files: string[], options: CheckCommandOptions) => {
        const { runCheck } = await import('./check-run.js');
        return runCheck(rt.ctx, files.map((file) => rebasePath(rt.ctx, file)), options);
      }),
    );
}
