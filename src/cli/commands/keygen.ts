/** `policy keygen`: make an Ed25519 key pair for signing archive entries. */
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime.js';

/** The options of `policy keygen`. */
export interface KeygenCliOptions {
  /** Where to write the private key (default: under the user's configuration folder). */
  out?: string;
}

/** Adds the keygen command to the program. */
export function registerKeygen(program: Command, rt: CliRuntime): void {
  program
    .command('keygen')
    .description('make an Ed25519 key pair: the private key goes outside the repository, the public key into policy.config.json (signing.publicKeys)')
    .option('--out <file>', 'where to write the private key (default: $XDG_CONFIG_HOME/policy/keys/, else ~/.config/policy/keys/); never inside the repository')
    .addHelpText(
      'after',
      '\nExamples:\n  policy keygen\n  policy keygen --out ~/secrets/policy-signing.pem\n\nThen publish with the private key in the environment:\n  POLICY_SIGNING_KEY="$(cat <file>)" policy publish',
    )
    .action(
      action(rt, async (options: KeygenCliOptions) => {
        const { runKeygen } = await import('./keygen-run.js');
        return runKeygen(rt.ctx, options);
      }),
    );
}
