/**
 * The README's exit-code table is the contract scripts and CI rely on: every
 * status the tool can return is in it, and nothing else. The statuses come
 * from the one catalogue (src/errors.ts: EXIT, and ERRORS mapping each error
 * code to one of them); the source is grepped for every `EXIT.<name>` it uses
 * and for exit statuses set any other way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, EXIT } from '../src/errors.js';
import { ROOT } from './helpers/browser.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The rows of the README's "Exit codes" table: code → meaning. */
function readmeExitTable(): Map<number, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Exit codes$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<number, string>();
  for (const line of section.split('\n')) {
    const match = /^\| (\d+) \| (.+) \|$/.exec(line);
    if (match) rows.set(Number(match[1]), match[2] as string);
  }
  return rows;
}

describe("the README's exit-code table", () => {
  const files = sourceFiles(join(ROOT, 'src'));
  const table = readmeExitTable();

  it('lists every status the source uses, and only those', () => {
    const used = new Set<number>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bEXIT\.(\w+)/g)) {
        const name = match[1] as string;
        expect(Object.hasOwn(EXIT, name), `${relative(ROOT, file)}: EXIT.${name} is not in the catalogue`).toBe(true);
        used.add(EXIT[name as keyof typeof EXIT]);
      }
    }
    for (const status of Object.values(ERRORS)) used.add(status);
    expect([...used].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 70, 130]);
    expect([...table.keys()].sort((a, b) => a - b)).toEqual([...new Set([...used, ...Object.values(EXIT)])].sort((a, b) => a - b));
  });

  it('is the only way a status is set: no process.exit, no bare numbers handed to setExitCode', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const name = relative(ROOT, file);
      expect(text, name).not.toMatch(/process\.exit\(/);
      expect(text, name).not.toMatch(/setExitCode\(\s*\d/);
      if (name !== join('src', 'cli', 'entry.ts')) expect(text, name).not.toMatch(/process\.exitCode\s*=/);
    }
  });

  it('names the cases of each status', () => {
    // Input beyond a limit of "Limits on input" (nesting, size, aliases, dates) is bad input.
    expect(table.get(2)).toMatch(/nest/);
    expect(table.get(2)).toMatch(/Limits on input/);
    expect(table.get(4)).toMatch(/outbox/);
    expect(table.get(130)).toMatch(/publish/);
    expect(table.get(70)).toMatch(/bug/);
  });
});
