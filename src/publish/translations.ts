/**
 * Publishing an original and its translations together, so one release
 * carries both: the files to publish gain the translations of the originals
 * named, originals go first, and each translation version records the
 * original's version it renders (`translates`). Pure, but for readPublishFiles.
 */
import type { Context } from '../context.js';
import { isPolicyError } from '../errors.js';
import { parsePolicyBytes, policyIdFromPath } from '../policy/parse-policy.js';
import { readPolicyFile } from '../policy/read-policy.js';
import { translationOf } from '../policy/translation.js';

/** A policy file as publish lists it, with what its front matter says about translation. */
export interface PublishFile {
  file: string;
  absolutePath: string;
  id: string;
  /** The original's id for a translation, else null. */
  translationOf: string | null;
}

/**
 * The files to publish: those named, plus every translation of an original
 * among them; originals before translations, otherwise in the order given. Pure.
 */
export function withTranslations(named: readonly PublishFile[], all: readonly PublishFile[]): PublishFile[] {
  const paths = new Set(named.map((entry) => entry.absolutePath));
  const ids = new Set(named.map((entry) => entry.id));
  const added = all.filter((entry) => entry.translationOf !== null && ids.has(entry.translationOf) && !paths.has(entry.absolutePath));
  const files = [...named, ...added];
  return [...files.filter((entry) => entry.translationOf === null), ...files.filter((entry) => entry.translationOf !== null)];
}

/**
 * The original's version a translation published now renders: the version of
 * the original published in this run, else the original's latest archived
 * version; null when the original has neither. Pure.
 */
export function resolveTranslates(original: string, publishedNow: ReadonlyMap<string, string>, archivedLatest: string | null): string | null {
  return publishedNow.get(original) ?? archivedLatest;
}

/**
 * What the front matter of each file says about translation, for
 * withTranslations. A file that cannot be read or parsed counts as an
 * original here: the read step reports it properly.
 */
export async function readPublishFiles(ctx: Context, files: readonly { file: string; absolutePath: string }[]): Promise<PublishFile[]> {
  const out: PublishFile[] = [];
  for (const { file, absolutePath } of files) {
    let original: string | null = null;
    let id = policyIdFromPath(absolutePath);
    try {
      const policy = parsePolicyBytes(await readPolicyFile(absolutePath, ctx), file, id);
      if (typeof policy.frontMatter.id === 'string') id = policy.frontMatter.id;
      original = translationOf({ ...policy, id });
    } catch (error) {
      if (!isPolicyError(error)) throw error;
    }
    out.push({ file, absolutePath, id, translationOf: original });
  }
  return out;
}
