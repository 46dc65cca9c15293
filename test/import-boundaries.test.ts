/**
 * The layering DESIGN.md promises, checked on the source itself: only the
 * command line imports the command line; the archive never reaches the
 * notifier (notices listen to "version archived" instead); publish's record
 * does not depend on how the CLI prints. Every static import, `export … from`
 * and dynamic `import('…')` counts, and for the archive every module it
 * reaches through others too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './archive-helpers.js';

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `src/`-relative, `/`-separated. */
function rel(path: string): string {
  return relative(SRC, path).split(sep).join('/');
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

/** The project modules a source text imports (relative specifiers resolved to `src/`-relative .ts paths). Pure. */
export function importsOf(file: string, text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[2]!;
    if (!specifier.startsWith('.')) continue;
    found.add(rel(resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))));
  }
  return [...found];
}

const graph = new Map<string, string[]>(sourceFiles(SRC).map((file) => [rel(file), importsOf(file, readFileSync(file, 'utf8'))]));

function reachable(from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const next = stack.pop()!;
    for (const target of graph.get(next) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  return seen;
}

describe('import boundaries', () => {
  it('the scanner sees static, re-exported and dynamic imports', () => {
    const file = join(SRC, 'publish', 'x.ts');
    const text = "import { a } from '../cli/a.js';\nexport { b } from './b.js';\nconst c = await import('../notify/c.js');\nimport type { D } from 'node:fs';\n";
    expect(importsOf(file, text)).toEqual(['cli/a.ts', 'publish/b.ts', 'notify/c.ts']);
    // It reads the real tree: the entry point imports the command modules.
    expect(graph.get('cli/main.ts')?.some((target) => target.startsWith('cli/'))).toBe(true);
    for (const targets of graph.values()) for (const target of targets) expect(graph.has(target), target).toBe(true);
  });

  it('no module outside src/cli imports src/cli', () => {
    const offenders = [...graph].flatMap(([file, targets]) => (file.startsWith('cli/') ? [] : targets.filter((t) => t.startsWith('cli/')).map((t) => `${file} → ${t}`)));
    expect(offenders).toEqual([]);
  });

  it('src/archive never reaches src/notify, not even through another module', () => {
    const offenders = [...graph.keys()]
      .filter((file) => file.startsWith('archive/'))
      .flatMap((file) => [...reachable(file)].filter((t) => t.startsWith('notify/')).map((t) => `${file} ⇢ ${t}`));
    expect(offenders).toEqual([]);
  });

  it('the publish steps reach notices only through the "version archived" listener', () => {
    const direct = (graph.get('publish/steps.ts') ?? []).filter((target) => target.startsWith('notify/'));
    expect(direct).toEqual([]);
  });

  it('the file helpers (atomic write, lock) are one module each, used by the archive and the notifier alike', () => {
    const users = (module: string) => [...graph].filter(([, targets]) => targets.includes(module)).map(([file]) => file.split('/')[0]);
    expect(users('atomic-write.ts')).toEqual(expect.arrayContaining(['archive', 'notify']));
    expect(users('file-lock.ts')).toEqual(expect.arrayContaining(['publish']));
    expect([...graph.keys()].filter((file) => /(^|\/)(atomic-write|lock|file-lock)\.ts$/.test(file)).sort()).toEqual(['atomic-write.ts', 'file-lock.ts']);
  });
});
