/** `policy triggers <file>`: show the list of major changes the tool found in a policy. */
import { Option, type Command } from 'commander';
import { rebaseFileOrReference } from '../../project-root.js';
import { action, type CliRuntime } from '../runtime.js';

export interface TriggersOptions {
  format: 'text' | 'json';
  require?: boolean;
}

/** Adds the triggers command to the program. */
export function registerTriggers(program: Command, rt: CliRuntime): void {
  program
    .command('triggers')
    .description('show the list of major changes found in a policy: where, from which source, the items taken and left out')
    .argument('<file>', 'a policy file, or <id>@<version|date|latest> from the archive')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--require', 'exit with 1 when the policy has no list of its own (the default list would be used)')
    .addHelpText('after', '\nExamples:\n  policy triggers policies/privacy-policy.md\n  policy triggers policies/privacy-policy.md --require --format json')
    .action(
      action(rt, async (file: string, options: TriggersOptions) => {
        const { runTriggers } = await import('./triggers-run.js');
        return runTriggers(rt.ctx, await rebaseFileOrReference(rt.ctx, file), options);
      }),
    );
}
