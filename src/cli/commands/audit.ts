/** `policy audit [id]`: re-run today's classifier on every archived pair and list where it would decide differently. */
import { Option, type Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy audit`. */
export interface AuditOptions {
  format: 'text' | 'json';
}

/** Adds the audit command to the program. */
export function registerAudit(program: Command, rt: CliRuntime): void {
  program
    .command('audit')
    .description("re-run today's classifier on every archived revision and list where it would now decide differently (changes nothing)")
    .argument('[id]', 'the policy id (default: every archived policy)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit status: 0 when every verdict agrees, 1 when some differ.\n\nExamples:\n  policy audit\n  policy audit privacy-policy --format json')
    .action(
      action(rt, async (id: string | undefined, options: AuditOptions) => {
        const { runAudit } = await import('./audit-run.js');
        return runAudit(rt.ctx, id, options);
      }),
    );
}
