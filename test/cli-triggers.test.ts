/** `policy triggers`: the list the tool found, its source, the items taken and left out, and `--require`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicy } from './helpers/cli.js';
import { readFixture } from './helpers/policies.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-triggers-'));
  writeFileSync(join(dir, 'zh.md'), readFixture('policies/privacy-policy.zh.md'));
  writeFileSync(join(dir, 'terms.md'), readFixture('policies/terms-no-front-matter.md'));
  writeFileSync(join(dir, 'lettered.md'), '# Privacy\n\n## Changes\n\nWe tell you about material changes. Material changes include:\n\n```\nA. new purposes;\nB. new recipients.\n```\n');
  writeFileSync(join(dir, 'fm.md'), '---\nmajorChangeTriggers:\n  - New purposes\n  - New recipients\n---\n# Privacy\n\nWe collect your name.\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('policy triggers', () => {
  it('shows the list found in the policy: section, lines, items taken and the promise left out', async () => {
    const result = await runPolicy(['triggers', 'zh.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('zh.md: 6 triggers from the policy');
    expect(result.stdout).toContain('found in section "9. 本隐私政策如何更新", line 76: 本政策所指的重大变更包括但不限于：');
    expect(result.stdout).toMatch(/ {2}3\. 个人信息共享、转让或公开披露的主要对象发生变化；  \(line 80\)/);
    expect(result.stdout).toMatch(/left out \(a promise, not a kind of change\): 我们还会将本隐私权政策的旧版本在我们官方网站存档/);
  });

  it('gives the same as JSON', async () => {
    const json = JSON.parse((await runPolicy(['triggers', 'lettered.md', '--format', 'json'], { cwd: dir })).stdout);
    expect(json).toMatchObject({
      file: 'lettered.md',
      source: 'policy',
      section: 'Changes',
      line: 5,
      triggers: [
        { index: 1, text: 'new purposes', line: 8 },
        { index: 2, text: 'new recipients.', line: 9 },
      ],
      promises: [],
      warnings: [],
    });
  });

  it('names the front matter as the source', async () => {
    const json = JSON.parse((await runPolicy(['triggers', 'fm.md', '--format', 'json'], { cwd: dir })).stdout);
    expect(json).toMatchObject({ source: 'front-matter', section: null, triggers: [{ index: 1, text: 'New purposes', line: null }, { index: 2 }] });
  });

  it('with --require, exits 1 when only the default list applies, and says so', async () => {
    const result = await runPolicy(['triggers', 'terms.md', '--require'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('6 triggers from the built-in default list');
    expect(result.stdout).toContain('warning: terms.md: no list of major changes found in the policy; using the built-in default list');
    expect((await runPolicy(['triggers', 'terms.md'], { cwd: dir })).code).toBe(0);
    expect((await runPolicy(['triggers', 'zh.md', '--require'], { cwd: dir })).code).toBe(0);
  });

  it('a missing file is exit 2 with one line naming it', async () => {
    const result = await runPolicy(['triggers', 'nope.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('nope.md');
  });
});
