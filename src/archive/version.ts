/**
 * Version numbers of archived policies: `<major>.<minor>`, compared
 * numerically (1.10 after 1.9). The first version is 1.0; a major revision
 * bumps to the next whole number, a minor one to the next minor.
 */
import type { ChangeLevel } from '../types.js';

const VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** The version of a policy's first archived version. */
export const FIRST_VERSION = '1.0';

/** True for a well-formed version such as `1.0` or `2.13`. */
export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

/** Splits a version into its numbers. Throws a TypeError for a malformed one (callers validate first). */
export function parseVersion(text: string): [major: number, minor: number] {
  const match = VERSION.exec(text);
  if (!match) throw new TypeError(`not a version: ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2])];
}

/** Orders versions numerically: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = parseVersion(a);
  const [bMajor, bMinor] = parseVersion(b);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The version that follows `latest` for a revision of `level` (`1.0` when there is none). */
export function nextVersion(latest: string | null, level: ChangeLevel): string {
  if (latest === null) return FIRST_VERSION;
  const [major, minor] = parseVersion(latest);
  return level === 'major' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}
