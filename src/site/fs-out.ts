/**
 * Writing the site: every file is first written to a temporary file next to
 * its target ("staged"), and only renamed into place once the whole build has
 * succeeded, so a failed build leaves the previous site as it was. Every path
 * is checked to stay inside the output folder, and no folder on the way may be
 * a symbolic link.
 */
import { lstat, mkdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import { PolicyError, MESSAGES } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { assertInsideSite } from './paths.js';

/** A file written to a temporary name, waiting to be renamed into place. */
export interface StagedFile {
  /** Site-relative path. */
  path: string;
  /** Hash of the inputs it was rendered from. */
  inputs: string;
  sha256: string;
  size: number;
  /** Absolute temporary file. */
  tmp: string;
  /** Absolute final file. */
  target: string;
}

/** The output folder of one build, remembering which of its folders are known to be real folders. */
export interface SiteOutput {
  /** Absolute path of the output folder. */
  root: string;
  verified: Set<string>;
}

let counter = 0;

/** Opens an output folder for staging (the folder itself must exist). */
export function openSiteOutput(root: string): SiteOutput {
  return { root, verified: new Set(['']) };
}

async function ensureDir(output: SiteOutput, relativeDir: string): Promise<void> {
  if (output.verified.has(relativeDir)) return;
  const parent = relativeDir.includes('/') ? relativeDir.slice(0, relativeDir.lastIndexOf('/')) : '';
  await ensureDir(output, parent);
  const absolute = join(output.root, ...relativeDir.split('/'));
  try {
    await mkdir(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stats = await lstat(absolute);
  if (stats.isSymbolicLink() || !stats.isDirectory()) {
    throw new PolicyError('REFUSED', MESSAGES.REFUSED(`expected a folder inside the site, found ${stats.isSymbolicLink() ? 'a symbolic link' : 'a file'}`, { file: absolute }));
  }
  output.verified.add(relativeDir);
}

/** Writes `data` to a temporary file beside `relativePath` in the site. */
export async function stageFile(output: SiteOutput, relativePath: string, data: Uint8Array | string, inputs: string): Promise<StagedFile> {
  assertInsideSite(relativePath);
  const slash = relativePath.lastIndexOf('/');
  const dir = slash < 0 ? '' : relativePath.slice(0, slash);
  const name = relativePath.slice(slash + 1);
  await ensureDir(output, dir);
  const target = join(output.root, ...relativePath.split('/'));
  if (!target.startsWith(output.root + sep)) throw new PolicyError('BAD_ID', MESSAGES.BAD_ID(`refusing to write "${relativePath}" outside the site folder`));
  counter += 1;
  const tmp = join(dirname(target), `.${name}.${process.pid}-${threadId}-${counter}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  await writeFile(tmp, bytes, { flag: 'wx' });
  return { path: relativePath, inputs, sha256: sha256Hex(bytes), size: bytes.byteLength, tmp, target };
}

/** Renames staged files into place (each rename is atomic). */
export async function commitStaged(files: readonly StagedFile[]): Promise<void> {
  for (const file of files) await rename(file.tmp, file.target);
}

/** Removes staged files after a failed build. Never throws. */
export async function discardStaged(files: readonly StagedFile[]): Promise<void> {
  await Promise.all(files.map((file) => unlink(file.tmp).catch(() => undefined)));
}

/** Removes a file the site no longer has, and its folders once empty. */
export async function removeSiteFile(root: string, relativePath: string): Promise<void> {
  assertInsideSite(relativePath);
  await unlink(join(root, ...relativePath.split('/'))).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const segments = relativePath.split('/').slice(0, -1);
  while (segments.length > 0) {
    try {
      await rmdir(join(root, ...segments));
    } catch {
      return;
    }
    segments.pop();
  }
}
