/**
 * The languages of one version: an original's version and the versions of its
 * translations that render it (`translates`), linked both ways. Pure.
 */
import type { ArchiveIndex, ArchivedVersion, Lang } from '../types.js';

/** The same version in another language. */
export interface LanguageLink {
  lang: Lang;
  id: string;
  version: string;
}

/** What a version page shows about its languages. */
export interface VersionLanguages {
  /** The other languages of this version (original first, then translations by id). */
  languages: LanguageLink[];
  /** For a translation: the original's version it renders. */
  follows: LanguageLink | null;
}

/** The newest version of a translation that renders `version` of its original. */
function renderingOf(translation: ArchiveIndex, version: string): ArchivedVersion | undefined {
  return [...translation.versions].reverse().find((entry) => entry.translates === version);
}

/** A lookup of every version's languages across the archive's policies. Pure. */
export function buildLanguageLookup(indexes: readonly ArchiveIndex[]): (id: string, entry: ArchivedVersion) => VersionLanguages {
  const byId = new Map(indexes.map((index) => [index.id, index]));
  const translations = new Map<string, ArchiveIndex[]>();
  for (const index of indexes) {
    if (index.translationOf === undefined || !byId.has(index.translationOf)) continue;
    const list = translations.get(index.translationOf) ?? [];
    list.push(index);
    translations.set(index.translationOf, list);
  }
  const translationsOf = (original: string, version: string, except: string): LanguageLink[] =>
    (translations.get(original) ?? []).flatMap((translation) => {
      const entry = translation.id === except ? undefined : renderingOf(translation, version);
      return entry ? [{ lang: translation.lang, id: translation.id, version: entry.version }] : [];
    });
  return (id, entry) => {
    const index = byId.get(id);
    const original = index?.translationOf !== undefined ? byId.get(index.translationOf) : undefined;
    if (index && original) {
      const follows = entry.translates !== undefined && original.versions.some((v) => v.version === entry.translates)
        ? { lang: original.lang, id: original.id, version: entry.translates }
        : null;
      const languages = follows ? [follows, ...translationsOf(original.id, follows.version, id)] : [];
      return { languages, follows };
    }
    return { languages: translationsOf(id, entry.version, id), follows: null };
  };
}
