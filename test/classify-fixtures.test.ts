/**
 * Labelled revisions, one folder each under test/fixtures/classify/<case>/: old.md, new.md and
 * expected.json. The labels (level, accept, triggers, triggers_alt, why) are written by hand and
 * define what is right. The `changes` part is a golden file of every change's level, triggers and
 * reasons, regenerated only by a deliberate `UPDATE=1 npx vitest run test/classify-fixtures.test.ts`
 * and reviewed in the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../src/revision.js';
import { fixturePath, policyFrom } from './helpers/policies.js';

interface Expected {
  level: 'major' | 'minor' | 'none';
  accept: string[];
  triggers: number[];
  triggers_alt?: number[][];
  why: string;
  changes?: unknown;
}

const root = fixturePath('classify');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const update = process.env.UPDATE === '1';

describe('labelled revisions (test/fixtures/classify)', () => {
  it('has cases in both languages, with and without a trigger list of their own', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.some((c) => c.startsWith('zh-'))).toBe(true);
    expect(cases.some((c) => c.startsWith('en-'))).toBe(true);
    expect(cases.some((c) => c.startsWith('gh-'))).toBe(true);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const file = join(dir, 'expected.json');
      const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
      const oldPolicy = policyFrom(readFileSync(join(dir, 'old.md'), 'utf8'), `${name}/old.md`);
      const newPolicy = policyFrom(readFileSync(join(dir, 'new.md'), 'utf8'), `${name}/new.md`);
      const revision = comparePolicies(oldPolicy, newPolicy);

      expect(expected.accept, expected.why).toContain(revision.level);
      if (expected.level === 'major') {
        const allowed = [expected.triggers, ...(expected.triggers_alt ?? [])].map((t) => [...t].sort((a, b) => a - b));
        expect(allowed, `triggers ${JSON.stringify(revision.triggers)}`).toContainEqual(revision.triggers);
      } else {
        expect(revision.triggers).toEqual([]);
      }
      for (const c of revision.changes) expect(c.reasons.length, `${c.kind} at line ${c.newBlock?.line ?? c.oldBlock?.line}`).toBeGreaterThan(0);

      const changes = revision.changes.map((c) => ({ kind: c.kind, level: c.level, triggers: c.triggers, reasons: c.reasons }));
      if (update) writeFileSync(file, `${JSON.stringify({ ...expected, changes }, null, 2)}\n`);
      else expect(changes).toEqual(expected.changes);
    });
  }
});
