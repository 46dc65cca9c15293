/**
 * Translations kept in step with their original, judged for `policy check`:
 * a major revision of the original fails unless each translation changes in
 * the same change; a minor one only warns; a translation that follows an older
 * version than the original's latest major one warns. Pure.
 */
import { compareVersions } from '../archive/version.js';
import type { RevisionLevel } from '../types.js';
import type { CheckProblem } from './types.js';

/** What check knows of one translation in the working tree. */
export interface TranslationLink {
  id: string;
  /** The translation's file, relative to the repository root. */
  file: string;
  /** The line of `translationOf` in its front matter. */
  line: number;
  /** The id of the original. */
  original: string;
  /** True when the file differs from its base (or is new). */
  changed: boolean;
  /** The version of the original its latest archived version renders (`translates`), if recorded. */
  follows: string | null;
  /** The original's latest archived major version (or first version), if it has an archive. */
  originalLatestMajor: string | null;
}

/** The findings about translations: failures make the check fail, warnings do not. */
export interface TranslationFindings {
  failures: CheckProblem[];
  warnings: CheckProblem[];
}

/**
 * Judges each translation against its original's revision in this change
 * (`levels`: the revision level of each compared original, by id). One line
 * per translation at most. Pure.
 */
export function findTranslationProblems(links: readonly TranslationLink[], levels: ReadonlyMap<string, RevisionLevel>): TranslationFindings {
  const failures: CheckProblem[] = [];
  const warnings: CheckProblem[] = [];
  for (const link of links) {
    const at = { kind: 'translation' as const, file: link.file, line: link.line };
    const level = levels.get(link.original);
    if (!link.changed && level === 'major') {
      failures.push({ ...at, message: `translation of ${link.original} not changed: the original's revision is major, so ${link.id} must change in the same change` });
      continue;
    }
    if (!link.changed && level === 'minor') {
      warnings.push({ ...at, message: `translation of ${link.original} not changed: the original has a minor revision; check whether ${link.id} needs it too` });
      continue;
    }
    if (!link.changed && link.follows !== null && link.originalLatestMajor !== null && compareVersions(link.follows, link.originalLatestMajor) < 0) {
      warnings.push({ ...at, message: `${link.id} follows ${link.original} ${link.follows}, older than its latest major version ${link.originalLatestMajor}` });
    }
  }
  return { failures, warnings };
}
