/**
 * The build manifest kept in the output folder (`.policy-site.json`): for
 * every file the site builder wrote, a hash of everything it was rendered from
 * and the size it had, plus facts learnt from parsing each version (keyed by
 * the version file's sha256). A rebuild re-renders only files whose inputs
 * changed or that are missing, and removes only files the manifest lists.
 */
import { sha256Hex } from '../hash.js';
import type { VersionFacts } from './model.js';

/** The manifest's file name inside the output folder (a dot file: `policy serve` never serves it). */
export const MANIFEST_FILE = '.policy-site.json';

/** Bump when the pages' markup changes, so every page is re-rendered once. */
export const SITE_FORMAT = 2;

/** One file the builder wrote. */
export interface ManifestFile {
  /** Hash of the inputs the file was rendered from. */
  inputs: string;
  sha256: string;
  size: number;
}

/** The manifest. */
export interface SiteManifest {
  format: number;
  /** The tool version that built the site (a new version re-renders everything). */
  generator: string;
  /** Site-relative path → what it was built from. */
  files: Record<string, ManifestFile>;
  /** Version file sha256 → facts. */
  facts: Record<string, VersionFacts>;
}

/** An empty manifest for a first build. */
export function emptyManifest(generator: string): SiteManifest {
  return { format: SITE_FORMAT, generator, files: {}, facts: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a manifest; anything unreadable, from another format or another tool
 * version yields null (a full rebuild), never an error. Pure.
 */
export function parseManifest(text: string, generator: string): SiteManifest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.format !== SITE_FORMAT || raw.generator !== generator) return null;
  if (!isRecord(raw.files) || !isRecord(raw.facts)) return null;
  const files: Record<string, ManifestFile> = {};
  for (const [path, file] of Object.entries(raw.files)) {
    if (isRecord(file) && typeof file.inputs === 'string' && typeof file.sha256 === 'string' && typeof file.size === 'number') {
      files[path] = { inputs: file.inputs, sha256: file.sha256, size: file.size };
    }
  }
  const facts: Record<string, VersionFacts> = {};
  for (const [sha, fact] of Object.entries(raw.facts)) {
    // Facts learnt before change notes or recorded verdicts were kept lack the key: learn them again.
    if (isRecord(fact) && Array.isArray(fact.triggers) && 'changeNote' in fact && 'verdict' in fact) facts[sha] = fact as unknown as VersionFacts;
  }
  return { format: SITE_FORMAT, generator, files, facts };
}

/** The manifest's text (sorted keys, so rebuilds that change nothing leave it byte-identical). Pure. */
export function renderManifest(manifest: SiteManifest): string {
  const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, files: sortKeys(manifest.files), facts: sortKeys(manifest.facts) }, null, 1)}\n`;
}

/** A stable hash of the inputs of one output file. Pure. */
export function hashInputs(...parts: unknown[]): string {
  return sha256Hex(JSON.stringify([SITE_FORMAT, ...parts]));
}

