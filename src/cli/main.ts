/**
 * The command-line program. Command modules define their options and load their
 * implementation lazily, so `policy --version` stays fast. This is the only
 * place that maps errors to exit codes.
 */
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { Context } from '../context.js';
import { displayPath } from '../archive/reference.js';
import { environmentError, EXIT, isPolicyError } from '../errors.js';
import { findProjectRoot } from '../project-root.js';
import type { CliRuntime } from './runtime.js';
import { TOOL_VERSION } from '../tool-version.js';
import { registerDiff } from './commands/diff.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerCheck } from './commands/check.js';
import { registerNotify } from './commands/notify.js';
import { registerServe } from './commands/serve.js';
import { registerSite } from './commands/site.js';
import { registerLog } from './commands/log.js';
import { registerPublish } from './commands/publish.js';
import { registerShow } from './commands/show.js';
import { registerVerify } from './commands/verify.js';
import { registerConsent } from './commands/consent.js';
import { registerKeygen } from './commands/keygen.js';
import { registerTriggers } from './commands/triggers.js';
import { registerAudit } from './commands/audit.js';

/** The tool's own version (injected at build time). */
export const VERSION = TOOL_VERSION;

/** Builds the commander program for one run. */
export function createProgram(rt: CliRuntime): Command {
  const { ctx } = rt;
  const program = new Command();
  program
    .name('policy')
    .description("Keeps a company's legal policies honest over time: diff, classify, archive, notify, publish.")
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  // In the order of the work: review a change, gate it in CI, publish it, inspect the archive, tell people, show it.
  registerInit(program, rt);
  registerImport(program, rt);
  registerDiff(program, rt);
  registerTriggers(program, rt);
  registerCheck(program, rt);
  registerPublish(program, rt);
  registerLog(program, rt);
  registerShow(program, rt);
  registerVerify(program, rt);
  registerKeygen(program, rt);
  registerAudit(program, rt);
  registerNotify(program, rt);
  registerSite(program, rt);
  registerServe(program, rt);
  registerConsent(program, rt);
  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit status. */
export async function runCli(argv: string[], invoked: Context): Promise<number> {
  let exitCode: number = EXIT.ok;
  // Like git, every command works from any folder of the project: paths in the configuration are relative to the root.
  const root = await findProjectRoot(invoked.cwd);
  const ctx: Context = root.dir === resolve(invoked.cwd) ? invoked : { ...invoked, cwd: root.dir, invocationDir: invoked.cwd };
  const rt: CliRuntime = { ctx, setExitCode: (code) => (exitCode = code) };
  const program = createProgram(rt);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are how commander stops after printing them.
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    // A disk that filled up or a folder that turned read-only mid-run is the environment, not a bug.
    const known = isPolicyError(error) ? error : environmentError(error, (path) => displayPath(ctx, path));
    if (known) {
      ctx.stderr.write(`policy: ${known.message}\n`);
      return known.exitCode;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    ctx.stderr.write(`policy: internal error (this is a bug, please report it):\n${stack}\n`);
    return EXIT.internal;
  }
}
