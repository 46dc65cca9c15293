/**
 * One error type for every failure the tool expects. A known PolicyError prints
 * one line (`policy: <message>`) and exits with its catalogued code; anything
 * else is a bug and prints its stack.
 */

/** Exit codes users and CI rely on. */
export const EXIT = {
  ok: 0,
  /** A check failed: a threshold, a validation, a verify, a refusal. */
  failed: 1,
  /** Bad usage or bad input. */
  usage: 2,
  /** Published, but some notices were not delivered. */
  noticesFailed: 3,
  /** The environment: a path cannot be written (disk full, read-only, permission), or a tool is missing. */
  environment: 4,
  /** Stopped by Ctrl-C or SIGTERM; everything done so far is recorded, and the message names the resume command. */
  interrupted: 130,
  /** A bug: an error outside the catalogue (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The catalogue: every code and the exit status it maps to. */
export const ERRORS = {
  USAGE: EXIT.usage,
  FILE_NOT_FOUND: EXIT.usage,
  NOT_A_FILE: EXIT.usage,
  EMPTY_FILE: EXIT.usage,
  BINARY_FILE: EXIT.usage,
  NOT_UTF8: EXIT.usage,
  FILE_TOO_LARGE: EXIT.usage,
  BAD_FRONT_MATTER: EXIT.usage,
  TOO_DEEP: EXIT.usage,
  BAD_CONFIG: EXIT.usage,
  BAD_ID: EXIT.usage,
  BAD_REFERENCE: EXIT.usage,
  BAD_RECIPIENTS: EXIT.usage,
  /** A policy that still has a `[[TODO: …]]` placeholder. */
  UNFINISHED_POLICY: EXIT.usage,
  NOT_FOUND: EXIT.usage,
  ARCHIVE_INVALID: EXIT.failed,
  REFUSED: EXIT.failed,
  LOCKED: EXIT.failed,
  CHECK_FAILED: EXIT.failed,
  NOTICES_FAILED: EXIT.noticesFailed,
  ENVIRONMENT: EXIT.environment,
  INTERRUPTED: EXIT.interrupted,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode = keyof typeof ERRORS;

/** An expected failure, with a code from the catalogue and a one-line message. */
export class PolicyError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolicyError';
    this.code = code;
    this.details = details;
  }

  /** The process exit status for this error. */
  get exitCode(): ExitCode {
    return ERRORS[this.code];
  }
}

/** True for errors of our own catalogue (as opposed to bugs). */
export function isPolicyError(error: unknown): error is PolicyError {
  return error instanceof PolicyError;
}

/** File-system error codes that mean "this path cannot be written here", not a bug, with what each means. */
const UNWRITABLE: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted (immutable or protected)',
  ENOTDIR: 'a path component is a file, not a folder',
};

/**
 * The ENVIRONMENT error for a file-system error that says a path cannot be
 * used here (disk full, read-only, permissions), or null for any other error.
 * `label` shows the path (default: the path the error names); `note` ends the message.
 */
export function environmentError(error: unknown, label?: (path: string) => string, note = ''): PolicyError | null {
  const err = error as NodeJS.ErrnoException | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const what = UNWRITABLE[code];
  if (what === undefined || isPolicyError(error)) return null;
  const path = typeof err?.path === 'string' ? err.path : typeof (err as { dest?: unknown })?.dest === 'string' ? String((err as { dest?: unknown }).dest) : '';
  const shown = (label ? label(path) : path) || 'a file';
  return new PolicyError('ENVIRONMENT', `${shown}: ${what} (${code})${note}`, { path, errno: code }, { cause: error });
}
