/** `policy notify <id>@<version>`: (re)send the notices of an archived version. */
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';
import { rebasePath } from '../../project-root.js';

/** Options of `policy notify`. */
export interface NotifyCliOptions {
  resume?: boolean;
  dryRun?: boolean;
  to?: string;
}

/** Adds the notify command to the program. */
export function registerNotify(program: Command, rt: CliRuntime): void {
  program
    .command('notify')
    .description('send the change notices of an archived version (outbox .eml files, or SMTP with POLICY_SMTP_URL)')
    .argument('<ref>', 'the archived version: <id>@<version>, <id>@<YYYY-MM-DD> or <id>@latest')
    .option('--resume', 'continue an interrupted or partly failed run: skip recipients already served, re-send the rest')
    .option('--dry-run', 'validate the recipients and count them; send and write nothing')
    .option('--to <file>', 'send to the recipients in this file instead of the configured ones (CSV, text or JSON lines)')
    .addHelpText(
      'after',
      '\nExamples:\n  policy notify privacy-policy@2.0 --dry-run\n  policy notify privacy-policy@2.0 --to test-recipients.txt\n' +
        '  POLICY_SMTP_URL=smtps://user:pass@smtp.example.com policy notify privacy-policy@2.0 --resume',
    )
    .action(
      action(rt, async (ref: string, options: NotifyCliOptions) => {
        const { runNotify } = await import('./notify-run.js');
        return runNotify(rt.ctx, ref, options.to === undefined ? options : { ...options, to: rebasePath(rt.ctx, options.to) });
      }),
    );
}
