/** Listing a folder that may not exist yet (an archive, a ledger, a policies folder before the first policy). */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';

/** The entries of `dir`, or none when it does not exist; other errors propagate. */
export async function readDirIfExists(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
