/**
 * The world a command runs in: working directory, environment, clock, streams.
 * Passed down explicitly so that tests can run commands in-process with a fixed
 * clock and captured output, and so no module reads `process` on its own.
 */
import type { Readable } from 'node:stream';

/** A text sink such as process.stdout. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is an interactive terminal. */
  isTTY?: boolean;
  columns?: number;
}

export interface Context {
  /** The policy repository's root: policies/, archive/ and policy.config.json are found from here. */
  cwd: string;
  /**
   * The folder the user ran the command in, when it differs from `cwd` (the
   * root found by walking up); file arguments are relative to it.
   */
  invocationDir?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The current time; tests fix it. */
  now(): Date;
  /** A number in [0, 1); tests fix it. */
  random(): number;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable & { isTTY?: boolean };
}

/** The context of the running process. */
export function createProcessContext(): Context {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    random: Math.random,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  };
}

/** True when colour may be used on this stream (a terminal, and NO_COLOR unset). */
export function useColor(ctx: Context, stream: OutputStream): boolean {
  const noColor = ctx.env.NO_COLOR;
  return Boolean(stream.isTTY) && (noColor === undefined || noColor === '') && ctx.env.TERM !== 'dumb';
}

/** Writes one warning line to stderr, so stdout stays parseable. */
export function warn(ctx: Context, message: string): void {
  ctx.stderr.write(`policy: warning: ${message}\n`);
}
