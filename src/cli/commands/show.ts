/** `policy show <id>@<version|date|latest>`: print an archived version exactly as archived. */
import { Option, type Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy show`. */
export interface ShowOptions {
  /** Print the changes of the version as recorded at publish, instead of its text. */
  changes?: boolean;
  format: 'text' | 'json';
}

/** Adds the show command to the program. */
export function registerShow(program: Command, rt: CliRuntime): void {
  program
    .command('show')
    .description('print an archived version of a policy, byte for byte')
    .argument('<reference>', '<id>@<version>, <id>@<YYYY-MM-DD> (the version in effect that day) or <id>@latest')
    .option('--changes', 'print the changes of that version as recorded when it was published')
    .addOption(new Option('--format <format>', 'output format of --changes').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  policy show privacy-policy@1.0\n  policy show privacy-policy@2024-01-01 > then.md\n  policy show privacy-policy@2.0 --changes')
    .action(
      action(rt, async (reference: string, options: ShowOptions) => {
        const { runShow } = await import('./show-run.js');
        return runShow(rt.ctx, reference, options);
      }),
    );
}
