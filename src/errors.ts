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

/** The facts a catalogued error is made from: what is wrong, and where (file and line) when it is about a place in a file. */
export interface ErrorDetails {
  /** What is wrong, without the place (what `policy check` shows beside its own file and line). */
  problem: string;
  /** The file (as shown to the user) the problem is in. */
  file?: string;
  /** The line in `file`, 1-based. */
  line?: number;
  [key: string]: unknown;
}

/** A catalogued error's text: the one line printed, and the facts it was made from. */
export interface ErrorText {
  message: string;
  details: ErrorDetails;
}

/**
 * Where a problem is: a `file` (with a `line` where known), or another
 * `subject` the message names first (an option, a reference, a setting).
 * `lineInMessage` prints `file:line:` (the line is in the details either way).
 * Any other key is kept in the details.
 */
export interface Where {
  file?: string;
  line?: number;
  subject?: string;
  lineInMessage?: boolean;
  [key: string]: unknown;
}

/** `<file or subject>: <problem>`, with the place and any facts in the details. Pure. */
function located(problem: string, where: Where = {}): ErrorText {
  const { lineInMessage, subject, ...facts } = where;
  const head = where.file ?? subject;
  const at = head === undefined ? '' : lineInMessage && where.line !== undefined ? `${head}:${where.line}: ` : `${head}: `;
  const details: ErrorDetails = { ...facts, problem };
  if (subject !== undefined) details.subject = subject;
  return { message: `${at}${problem}`, details };
}

/**
 * The catalogue: each code a function that words its message from the facts
 * and returns them as details (file and line where they exist), and the exit
 * status it maps to. Call sites pass facts, never a finished message:
 * `new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG('"siteUrl" must be a URL', { file }))`.
 */
export const MESSAGES = {
  USAGE: located,
  FILE_NOT_FOUND: (file: string, problem = 'no such file', extra: Where = {}) => located(problem, { ...extra, file }),
  NOT_A_FILE: (file: string, problem: string) => located(problem, { file }),
  EMPTY_FILE: (file: string, problem = 'file is empty') => located(problem, { file }),
  BINARY_FILE: (file: string, expected: string) => located(`binary file (contains NUL bytes), expected ${expected}`, { file }),
  NOT_UTF8: (file: string, hint = '') => located(`not valid UTF-8${hint}`, { file }),
  FILE_TOO_LARGE: (file: string, bytes: number, limit: number) =>
    located(`file is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${limit / 1024 / 1024} MB limit for a policy`, { file, bytes, limit }),
  BAD_FRONT_MATTER: located,
  TOO_DEEP: located,
  BAD_CONFIG: located,
  BAD_ID: located,
  BAD_REFERENCE: located,
  BAD_RECIPIENTS: located,
  UNFINISHED_POLICY: (file: string, line: number, marker: string, todo: string) =>
    located(`the policy still has a placeholder to fill in: ${marker} (replace every ${todo} …]] first)`, { file, line, lineInMessage: true, marker }),
  NOT_FOUND: located,
  ARCHIVE_INVALID: located,
  REFUSED: located,
  LOCKED: located,
  CHECK_FAILED: located,
  NOTICES_FAILED: located,
  ENVIRONMENT: located,
  INTERRUPTED: located,
} as const satisfies Record<string, (...args: never[]) => ErrorText>;

/** Every code and the exit status it maps to. */
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
} as const satisfies Record<keyof typeof MESSAGES, ExitCode>;

export type ErrorCode = keyof typeof ERRORS;

/** An expected failure, with a code from the catalogue, a one-line message and the facts it was worded from. */
export class PolicyError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  /** From a catalogue entry: `new PolicyError('USAGE', MESSAGES.USAGE(problem, where), { cause })`. */
  constructor(code: ErrorCode, text: ErrorText, options?: { cause?: unknown }) {
    super(text.message, options);
    this.name = 'PolicyError';
    this.code = code;
    this.details = text.details;
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
  return new PolicyError('ENVIRONMENT', MESSAGES.ENVIRONMENT(`${what} (${code})${note}`, { file: shown, path, errno: code }), { cause: error });
}
