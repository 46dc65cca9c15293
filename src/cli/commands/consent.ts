/** `policy consent-needed <id> --since <version>`: must a user who accepted that version accept again? */
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy consent-needed`. */
export interface ConsentOptions {
  since: string;
}

/** Adds the consent-needed command to the program. */
export function registerConsent(program: Command, rt: CliRuntime): void {
  program
    .command('consent-needed')
    .description('exit 1 (with a JSON answer) when a major version took effect after the one a user accepted, 0 when not')
    .argument('<id>', 'the policy id')
    .requiredOption('--since <version>', 'the version the user accepted')
    .addHelpText('after', '\nExit status: 0 no new consent needed, 1 consent needed, 2 unknown policy or version.\n\nExamples:\n  policy consent-needed privacy-policy --since 1.1')
    .action(
      action(rt, async (id: string, options: ConsentOptions) => {
        const { runConsentNeeded } = await import('./consent-run.js');
        return runConsentNeeded(rt.ctx, id, options);
      }),
    );
}
