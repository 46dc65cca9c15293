/**
 * Finding the project from any folder, like git: walk up to the folder that
 * holds `policy.config.json` or a package.json with a `"policy"` key; else the
 * git top level when it holds `policies/`. File arguments stay relative to the
 * folder the user ran the command in.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Context } from './context.js';
import { PolicyError, MESSAGES } from './errors.js';
import { readDirIfExists } from './read-dir.js';

/** How the project root was found. */
export type RootSource = 'config' | 'package.json' | 'git' | 'cwd';

/** The project root and how it was found. */
export interface ProjectRoot {
  dir: string;
  source: RootSource;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function hasPolicyKey(packageFile: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(packageFile, 'utf8');
  } catch {
    return false;
  }
  try {
    const pkg = JSON.parse(text) as unknown;
    return typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) && 'policy' in pkg;
  } catch {
    // A broken package.json is not ours to judge here; readConfig reports it if it is the one in use.
    return false;
  }
}

/**
 * Walks up from `start` to the project root. The walk stops at the git top
 * level (a folder with `.git`, file or folder): markers outside the repository
 * belong to something else. Falls back to `start` itself.
 */
export async function findProjectRoot(start: string): Promise<ProjectRoot> {
  let dir = resolve(start);
  for (;;) {
    if (await exists(join(dir, 'policy.config.json'))) return { dir, source: 'config' };
    if (await hasPolicyKey(join(dir, 'package.json'))) return { dir, source: 'package.json' };
    if (await exists(join(dir, '.git'))) {
      // The git top level counts only when it holds the policies: a repository of something else is not a project.
      if (await isDirectory(join(dir, 'policies'))) return { dir, source: 'git' };
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { dir: resolve(start), source: 'cwd' };
}

/**
 * A path the user typed, made relative to the project root (or absolute when
 * outside it), so that commands, which resolve paths against `ctx.cwd` (the
 * root), find what the user meant from the folder they are in. Pure.
 */
export function rebasePath(ctx: Pick<Context, 'cwd' | 'invocationDir'>, path: string): string {
  const from = ctx.invocationDir;
  if (from === undefined || resolve(from) === resolve(ctx.cwd)) return path;
  const absolute = resolve(from, path);
  const rel = relative(ctx.cwd, absolute);
  if (rel === '' ) return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return rel.split(sep).join('/');
}

/**
 * A command-line argument that names a file or an archive reference
 * (`<id>@<version>`): files are rebased, references left as they are.
 */
export async function rebaseFileOrReference(ctx: Pick<Context, 'cwd' | 'invocationDir'>, argument: string): Promise<string> {
  const from = ctx.invocationDir;
  if (from === undefined) return argument;
  if (await exists(resolve(from, argument))) return rebasePath(ctx, argument);
  const at = argument.lastIndexOf('@');
  const looksLikeReference = at > 0 && !/[/\\]/.test(argument.slice(at));
  return looksLikeReference ? argument : rebasePath(ctx, argument);
}

/**
 * Throws NOT_FOUND "no policies found (looked in …)" when the project has
 * neither a live policy (`<policies>/*.md`) nor an archived one
 * (`<archive>/<id>/index.json`), so a command run in the wrong folder fails
 * instead of reporting "OK (0 policies)".
 */
export async function requirePolicies(ctx: Pick<Context, 'cwd'>, config: { policies: string; archive: string }): Promise<void> {
  const policiesDir = resolve(ctx.cwd, config.policies);
  const archiveDir = resolve(ctx.cwd, config.archive);
  if (await hasEntry(policiesDir, (name, isDir) => !isDir && name.toLowerCase().endsWith('.md'))) return;
  if (await hasEntry(archiveDir, (name, isDir) => isDir && !name.startsWith('.'), 'index.json')) return;
  throw new PolicyError('NOT_FOUND', MESSAGES.NOT_FOUND(`no policies found (looked in ${policiesDir} and ${archiveDir})`));
}

async function hasEntry(dir: string, accept: (name: string, isDir: boolean) => boolean, inside?: string): Promise<boolean> {
  for (const entry of await readDirIfExists(dir)) {
    if (!accept(entry.name, entry.isDirectory())) continue;
    if (inside === undefined || (await exists(join(dir, entry.name, inside)))) return true;
  }
  return false;
}
