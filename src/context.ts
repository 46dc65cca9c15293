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
  /** Ctrl-C and SIGTERM, for the commands that stop cleanly (notices, the archive step of publish); absent in tests that do not send signals. */
  interrupts?: Interrupts;
}

/** The user asking a run to stop (SIGINT, SIGTERM). */
export interface Interrupts {
  /**
   * Calls `handler` on each signal, with how many came so far, until the
   * returned function is called. While a handler listens, the signals do not
   * end the process: the listener decides how to stop.
   */
  listen(handler: (count: number) => void): () => void;
}

/** The process's SIGINT and SIGTERM as Interrupts. */
function processInterrupts(): Interrupts {
  return {
    listen(handler) {
      let count = 0;
      const on = () => handler((count += 1));
      process.on('SIGINT', on);
      process.on('SIGTERM', on);
      return () => {
        process.off('SIGINT', on);
        process.off('SIGTERM', on);
      };
    },
  };
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
    interrupts: processInterrupts(),
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
