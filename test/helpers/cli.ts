/**
 * Runs the CLI in-process with a fixed clock and captured output, or as a real
 * process (the built bin) when a test needs exit codes from the whole program.
 */
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Context } from '../../src/context.js';
import { runCli } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** The fixed time of the run. Default 2026-11-29T12:00:00Z. */
  now?: Date;
  env?: Record<string, string | undefined>;
  /** Pretend stdout / stdin are terminals. */
  tty?: boolean;
  stdin?: string;
}

/** Runs `policy <argv>` in-process and returns its exit status and output. */
export async function runPolicy(argv: string[], options: RunOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(options.stdin !== undefined ? [options.stdin] : []) as Readable & { isTTY?: boolean };
  stdin.isTTY = options.tty ?? false;
  const ctx: Context = {
    cwd: options.cwd,
    env: { NO_COLOR: '1', ...options.env },
    now: () => options.now ?? new Date('2026-11-29T12:00:00Z'),
    random: () => 0.5,
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false, columns: 100 },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.tty ?? false, columns: 100 },
    stdin,
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}

/** Path of the built executable (the test script builds it before vitest runs). */
export const BIN = fileURLToPath(new URL('../../bin/policy.js', import.meta.url));

/** Runs the built `policy` executable as a separate process. */
export function spawnPolicy(argv: string[], options: { cwd: string; env?: Record<string, string>; input?: string }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
