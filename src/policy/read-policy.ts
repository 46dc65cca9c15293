/** Reads a policy file from disk. */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { MESSAGES, PolicyError } from '../errors.js';
import { MAX_POLICY_BYTES } from './decode.js';

/** Reads a file's bytes with the checks every policy input gets (exists, is a file, size limit). */
export async function readPolicyFile(path: string, ctx: Context): Promise<Buffer> {
  const absolute = resolve(ctx.cwd, path);
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PolicyError('FILE_NOT_FOUND', MESSAGES.FILE_NOT_FOUND(path), { cause: error });
    throw new PolicyError('FILE_NOT_FOUND', MESSAGES.FILE_NOT_FOUND(path, `cannot read (${code ?? (error as Error).message})`), { cause: error });
  }
  if (info.isDirectory()) throw new PolicyError('NOT_A_FILE', MESSAGES.NOT_A_FILE(path, 'is a folder, expected a Markdown file'));
  if (!info.isFile()) throw new PolicyError('NOT_A_FILE', MESSAGES.NOT_A_FILE(path, 'not a regular file'));
  if (info.size > MAX_POLICY_BYTES) throw new PolicyError('FILE_TOO_LARGE', MESSAGES.FILE_TOO_LARGE(path, info.size, MAX_POLICY_BYTES));
  return readFile(absolute);
}
