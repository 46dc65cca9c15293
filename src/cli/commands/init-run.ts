/** Implementation of `policy init`. */
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { utcDate } from '../../archive/dates.js';
import { writeFileAtomic } from '../../atomic-write.js';
import { defaultConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import { planInit, renderInitReport, type InitState } from '../../init/plan-init.js';
import { readDirIfExists } from '../../read-dir.js';
import type { InitCliOptions } from './init.js';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** What exists in `dir`, for planInit. */
async function readInitState(dir: string): Promise<InitState> {
  const config = defaultConfig();
  const candidates = ['policy.config.json', '.gitignore', '.github/workflows/policy-check.yml', `${config.archive}/`];
  const existing = new Set<string>();
  for (const path of candidates) if (await exists(join(dir, path))) existing.add(path);
  const policies = (await readDirIfExists(join(dir, config.policies)))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => `${config.policies}/${entry.name}`)
    .sort();
  const gitignore = await readText(join(dir, '.gitignore'));
  let packageConfig = false;
  const pkg = await readText(join(dir, 'package.json'));
  if (pkg !== null) {
    try {
      const parsed = JSON.parse(pkg) as unknown;
      packageConfig = typeof parsed === 'object' && parsed !== null && 'policy' in parsed;
    } catch {
      // Not ours to repair; policy.config.json is written instead.
    }
  }
  return { existing, policies, gitignore: gitignore === null ? null : gitignore.split(/\r?\n/), packageConfig };
}

/** Sets up the folder the user is in (not the root found above it: init is how a project starts). */
export async function runInit(ctx: Context, options: InitCliOptions): Promise<number> {
  const dir = ctx.invocationDir ?? ctx.cwd;
  const state = await readInitState(dir);
  const items = planInit(state, { lang: options.lang, template: options.template, today: utcDate(ctx.now()) });
  for (const item of items) {
    const path = join(dir, item.path);
    if (item.action === 'mkdir') await mkdir(path, { recursive: true });
    else if (item.action === 'write') {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, item.content ?? '');
    } else if (item.action === 'append') {
      const before = state.gitignore?.join('\n') ?? '';
      await appendFile(path, `${before === '' || before.endsWith('\n') ? '' : '\n'}${item.content ?? ''}`, 'utf8');
    }
  }
  const starter = items.find((item) => item.action === 'write' && item.path.endsWith('.md'));
  ctx.stdout.write(renderInitReport(items, starter?.path ?? null));
  return EXIT.ok;
}
