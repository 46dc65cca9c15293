/** `<id>@latest` (latest published) and `<id>@current` (in effect today) mean the same in show, diff and notify. */
import { describe, expect, it } from 'vitest';
import { majorEdit, useTempRepos } from './archive-helpers.js';
import { runPolicy } from './helpers/cli.js';

const repo = useTempRepos();
const NOW = new Date('2026-11-29T12:00:00Z');

describe('@latest and @current', () => {
  it('a published version not yet in effect is @latest, not @current', async () => {
    const made = repo();
    made.write('policies/privacy-policy.md', majorEdit(made.read('policies/privacy-policy.md')));
    const published = await runPolicy(['publish', '--yes', '--no-notify', '--effective', '2026-12-31'], { cwd: made.root, now: NOW });
    expect(published.code, published.stderr).toBe(0);
    const v1 = made.read('archive/privacy-policy/1.0.md');
    const v2 = made.read('archive/privacy-policy/2.0.md');
    expect(v1).not.toBe(v2);

    expect((await runPolicy(['show', 'privacy-policy@latest'], { cwd: made.root, now: NOW })).stdout).toBe(v2);
    expect((await runPolicy(['show', 'privacy-policy@current'], { cwd: made.root, now: NOW })).stdout).toBe(v1);
    const diff = await runPolicy(['diff', 'privacy-policy@current', 'privacy-policy@latest', '--format', 'json'], { cwd: made.root, now: NOW });
    expect(diff.code, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout).level).toBe('major');
    // On its effective date, 2.0 is current too.
    const later = new Date('2026-12-31T00:00:00Z');
    expect((await runPolicy(['show', 'privacy-policy@current'], { cwd: made.root, now: later })).stdout).toBe(v2);
    // notify resolves the same words: @current is 1.0 today, a first version with nothing to announce.
    const notify = await runPolicy(['notify', 'privacy-policy@current', '--dry-run'], { cwd: made.root, now: NOW });
    expect(notify.stderr).toContain('privacy-policy@1.0: no notices sent');
  });

  it('refuses an unknown word, naming both', async () => {
    const made = repo();
    const result = await runPolicy(['show', 'privacy-policy@newest'], { cwd: made.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('<id>@latest or <id>@current');
  });
});
