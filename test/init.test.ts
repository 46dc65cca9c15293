/** `policy init`: a project from zero, never overwriting, with a starter the tool understands. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, TEMPLATES } from '../src/init/starter-policies.js';
import { sha256Hex } from '../src/hash.js';
import { parsePolicy } from '../src/policy/parse-policy.js';
import { findTodoMarker } from '../src/policy/todo-markers.js';
import { runPolicy } from './helpers/cli.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-init-'));
  temps.push(dir);
  return dir;
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('policy init', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const template of TEMPLATES) {
      it(`--lang ${lang} --template ${template}: a starter whose own trigger list the parser finds`, async () => {
        const dir = tempDir();
        const result = await runPolicy(['init', '--lang', lang, '--template', template], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const path = `policies/${TEMPLATE_IDS[template]}.md`;
        const source = read(dir, path);
        const policy = parsePolicy({ source, path, id: TEMPLATE_IDS[template], sha256: sha256Hex(source) });
        expect(policy.lang).toBe(lang);
        expect(policy.triggerSource).toBe('policy');
        expect(policy.triggers.length).toBe(6);
        expect(policy.warnings).toEqual([]);
        expect(policy.lastUpdated?.date).toBe('2026-11-29');
        expect(findTodoMarker(source)).not.toBeNull();
        expect(result.stdout).toContain(`created ${path}`);
        // What the starter tells the company to run next: the tool finds the policy's own list.
        const triggers = await runPolicy(['triggers', path, '--require'], { cwd: dir });
        expect(triggers.code, triggers.stderr).toBe(0);
      });
    }
  }

  it('writes the configuration at its defaults, archive/, .gitignore, the workflow, and the next three commands', async () => {
    const dir = tempDir();
    const result = await runPolicy(['init'], { cwd: dir });
    expect(JSON.parse(read(dir, 'policy.config.json'))).toEqual({
      policies: 'policies',
      archive: 'archive',
      site: 'site',
      remoteImages: false,
      notify: { concurrency: 5, ledger: '.policy', outbox: 'outbox', timeouts: { connection: 10_000, greeting: 20_000, reply: 60_000 } },
    });
    expect(statSync(join(dir, 'archive')).isDirectory()).toBe(true);
    expect(read(dir, '.gitignore')).toBe('.policy/\noutbox/\nsite/\n');
    expect(read(dir, '.github/workflows/policy-check.yml')).toContain('npx policy check --base "origin/${{ github.base_ref }}" --format github');
    expect(result.stdout).toContain('Next: fill in every [[TODO: …]] in policies/privacy-policy.md, then:\n  policy triggers policies/privacy-policy.md ');
    expect(result.stdout).toContain('  policy publish --dry-run');
    expect(result.stdout.trimEnd().endsWith('policy publish               # archive version 1.0')).toBe(true);
  });

  it('never overwrites: lists what exists and writes only what is missing', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies/terms.md'), '# Mine\n');
    writeFileSync(join(dir, 'policy.config.json'), '{"site":"public"}\n');
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n/outbox');
    const result = await runPolicy(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, 'policy.config.json')).toBe('{"site":"public"}\n');
    expect(read(dir, 'policies/terms.md')).toBe('# Mine\n');
    expect(existsSync(join(dir, 'policies/privacy-policy.md'))).toBe(false);
    expect(read(dir, '.gitignore')).toBe('node_modules\n/outbox\n.policy/\nsite/\n');
    expect(result.stdout).toContain('exists, left as it is: policy.config.json');
    expect(result.stdout).toContain('exists, left as it is: policies/terms.md');
    expect(result.stdout).toContain('added to .gitignore (.policy/, site/)');
    const again = await runPolicy(['init'], { cwd: dir });
    expect(again.stdout).not.toContain('created');
    expect(read(dir, '.gitignore')).toBe('node_modules\n/outbox\n.policy/\nsite/\n');
  });

  it('publish and check refuse the starter until every [[TODO: …]] is filled in, naming the line', async () => {
    const dir = tempDir();
    await runPolicy(['init', '--lang', 'zh'], { cwd: dir });
    const source = read(dir, 'policies/privacy-policy.md');
    const line = source.split('\n').findIndex((text) => text.includes('[[TODO:')) + 1;
    for (const argv of [['publish', '--yes'], ['check']]) {
      const result = await runPolicy(argv, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`policy: policies/privacy-policy.md:${line}: the policy still has a placeholder to fill in: [[TODO: 公司全称]] (replace every [[TODO: …]] first)\n`);
    }
    expect(existsSync(join(dir, 'archive/privacy-policy'))).toBe(false);
    writeFileSync(join(dir, 'policies/privacy-policy.md'), source.replace(/\[\[TODO: [^\]]*\]\]/g, '示例'));
    const check = await runPolicy(['check'], { cwd: dir });
    expect(check.code).toBe(0);
    const publish = await runPolicy(['publish', '--yes'], { cwd: dir });
    expect(publish.code).toBe(0);
    expect(existsSync(join(dir, 'archive/privacy-policy/1.0.md'))).toBe(true);
  });
});

describe('findTodoMarker', () => {
  it('finds the first marker with its line, and nothing in a finished text', () => {
    expect(findTodoMarker('a\nb [[TODO: x]] c\n[[TODO: y]]')).toEqual({ line: 2, marker: '[[TODO: x]]' });
    expect(findTodoMarker('a [[TODO: unclosed\nnext')).toEqual({ line: 1, marker: '[[TODO: unclosed' });
    expect(findTodoMarker('[[todo]] TODO: [[ ]]')).toBeNull();
  });
});
