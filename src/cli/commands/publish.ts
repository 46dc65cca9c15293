/** `policy publish [files…]`: archive the edited policies as new versions and send their notices. */
import { Option, type Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';
import { rebasePath } from '../../project-root.js';

/** The options commander parses for `policy publish`. */
export interface PublishCliOptions {
  yes?: boolean;
  dryRun?: boolean;
  date?: string;
  effective?: string;
  /** False with --no-notify. */
  notify: boolean;
  format: 'text' | 'json';
  level?: 'major' | 'minor';
  reason?: string;
  summary?: string;
  allowTriggerRemoval?: boolean;
}

/** Adds the publish command to the program. */
export function registerPublish(program: Command, rt: CliRuntime): void {
  program
    .command('publish')
    .description('classify, version and archive edited policies, update their "last updated" line, then send notices')
    .argument('[files...]', 'policy files to publish (default: every policy under policies/)')
    .option('-y, --yes', 'publish without asking (required when stdin is not a terminal)')
    .option('--dry-run', 'write nothing; print what would be done')
    .option('--date <YYYY-MM-DD>', 'publish date (default: today, UTC)')
    .option('--effective <YYYY-MM-DD>', 'effective date (default: front matter "effective", else the publish date)')
    .option('--no-notify', 'archive only; send no notices')
    .addOption(new Option('--level <level>', "override the classifier's verdict").choices(['major', 'minor']))
    .option('--reason <text>', 'why the level was overridden (required to downgrade a major revision)')
    .option('--summary <text>', "the archive entry's one-line summary (default: generated)")
    .option('--allow-trigger-removal', "with --yes, publish even though the policy's list of major changes was removed")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  policy publish --dry-run\n  policy publish policies/privacy-policy.md --effective 2026-12-29\n  policy publish --yes --level minor --reason "Only the contact form moved"',
    )
    .action(
      action(rt, async (files: string[], options: PublishCliOptions) => {
        const { runPublishCommand } = await import('./publish-run.js');
        return runPublishCommand(rt.ctx, files.map((file) => rebasePath(rt.ctx, file)), options);
      }),
    );
}
