/** `policy show <id>@<version|date|latest>`: print an archived version exactly as archived. */
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** Adds the show command to the program. */
export function registerShow(program: Command, rt: CliRuntime): void {
  program
    .command('show')
    .description('print an archived version of a policy, byte for byte')
    .argument('<reference>', '<id>@<version>, <id>@<YYYY-MM-DD> (the version in effect that day) or <id>@latest')
    .addHelpText('after', '\nExamples:\n  policy show privacy-policy@1.0\n  policy show privacy-policy@2024-01-01 > then.md')
    .action(
      action(rt, async (reference: string) => {
        const { runShow } = await import('./show-run.js');
        return runShow(rt.ctx, reference);
      }),
    );
}
