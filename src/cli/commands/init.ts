/** `policy init`: set up a policies repository (configuration, a starter policy, archive, CI), never overwriting. */
import { Option, type Command } from 'commander';
import { TEMPLATES, type Template } from '../../init/starter-policies.js';
import type { Lang } from '../../types.js';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy init`. */
export interface InitCliOptions {
  /** Language of the starter policy. Default `en`. */
  lang: Lang;
  /** Which starter policy. Default `privacy`. */
  template: Template;
}

/** Adds the init command to the program. */
export function registerInit(program: Command, rt: CliRuntime): void {
  program
    .command('init')
    .description('set up this folder for policies: configuration, a starter policy, archive/, .gitignore, a CI workflow (never overwrites)')
    .addOption(new Option('--lang <lang>', 'language of the starter policy').choices(['zh', 'en']).default('en'))
    .addOption(new Option('--template <template>', 'which starter policy').choices([...TEMPLATES]).default('privacy'))
    .addHelpText('after', '\nExamples:\n  policy init\n  policy init --lang zh --template terms')
    .action(
      action(rt, async (options: InitCliOptions) => {
        const { runInit } = await import('./init-run.js');
        return runInit(rt.ctx, options);
      }),
    );
}
