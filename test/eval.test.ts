/**
 * The labelled development set that lives beside the repository in the
 * project's workspace (../shared/eval). It is not part of a user's clone, so
 * this test skips when it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const score = fileURLToPath(new URL('../../shared/eval/score.mjs', import.meta.url));
const cases = fileURLToPath(new URL('../../shared/eval/dev', import.meta.url));
const available = existsSync(score) && existsSync(cases);

describe.skipIf(!available)('evaluation set (../shared/eval/dev)', () => {
  it('gets every level right, finds every major, and names the triggers of at least 90%', () => {
    const run = spawnSync(process.execPath, [score, cases, '--min-level', '1', '--min-recall', '1', '--min-triggers', '0.9'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^score: /);
    expect(run.status, run.stdout).toBe(0);
  }, 180_000);
});

if (!available) {
  it.skip('evaluation set not found beside the repository (../shared/eval): skipped', () => {});
}
