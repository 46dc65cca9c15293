/**
 * The labelled development sets that live beside the repository in the
 * project's workspace (../shared/eval). They are not part of a user's clone, so
 * each folder's test skips when it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const score = fileURLToPath(new URL('../../shared/eval/score.mjs', import.meta.url));

/** Runs the evaluation's scorer on one folder with its thresholds; the last line is the summary. */
function scoreFolder(folder: string, thresholds: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [score, folder, ...thresholds], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout };
}

const sets = [
  { name: 'dev', what: 'gets every level right, finds every major, and names the triggers of at least 90%', thresholds: ['--min-level', '1', '--min-recall', '1', '--min-triggers', '0.9'] },
  {
    name: 'dev-nolist',
    what: 'with no list of its own: every level right, every major found, every default category named',
    thresholds: ['--min-level', '1', '--min-recall', '1', '--min-triggers', '1'],
  },
];

for (const set of sets) {
  const cases = fileURLToPath(new URL(`../../shared/eval/${set.name}`, import.meta.url));
  const available = existsSync(score) && existsSync(cases);
  describe.skipIf(!available)(`evaluation set (../shared/eval/${set.name})`, () => {
    it(set.what, () => {
      const run = scoreFolder(cases, set.thresholds);
      expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^score: /);
      expect(run.status, run.stdout).toBe(0);
    }, 180_000);
  });
  if (!available) it.skip(`evaluation set not found beside the repository (../shared/eval/${set.name}): skipped`, () => {});
}
