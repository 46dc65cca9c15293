/**
 * What every command definition gets: the context, and a way to report the
 * exit status of its action (only main.ts turns it into process.exitCode).
 */
import type { Context } from '../context.js';

export interface CliRuntime {
  ctx: Context;
  /** Records the exit status of the command that ran. */
  setExitCode(code: number): void;
}

/**
 * Wraps a command implementation that returns its exit status into a commander
 * action. Errors propagate to main.ts, which maps them to exit codes.
 */
export function action<A extends unknown[]>(rt: CliRuntime, run: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    rt.setExitCode(await run(...args));
  };
}
