/**
 * What `policy init` writes: a pure plan from what already exists, so that
 * init never overwrites anything and can say exactly what it left alone.
 */
import { defaultConfig } from '../config.js';
import type { Lang } from '../types.js';
import { renderStarterPolicy, TEMPLATE_IDS, type Template } from './starter-policies.js';

/** One thing init creates (a file, a folder, or lines added to .gitignore). */
export interface InitItem {
  /** Path relative to the project folder, `/`-separated; folders end with `/`. */
  path: string;
  /** `write`: a new file; `mkdir`: a new folder; `append`: lines added to an existing file; `exists`: left alone. */
  action: 'write' | 'mkdir' | 'append' | 'exists';
  /** What to write or append (absent for folders and for what exists). */
  content?: string;
}

/** What exists in the folder init runs in. */
export interface InitState {
  /** Paths (as in InitItem.path) that exist. */
  existing: ReadonlySet<string>;
  /** The live policies already in the policies folder (paths), if any. */
  policies: readonly string[];
  /** The lines of an existing .gitignore, or null. */
  gitignore: readonly string[] | null;
  /** True when package.json already has a "policy" key (the configuration lives there). */
  packageConfig: boolean;
}

/** Options of `policy init`. */
export interface InitOptions {
  lang: Lang;
  template: Template;
  /** Today, YYYY-MM-DD: the starter's "last updated" date, which publish rewrites. */
  today: string;
}

/** Folders the tool writes that stay out of git: the delivery ledger, the outbox, the built site. */
export const IGNORED = ['.policy/', 'outbox/', 'site/'];

/** The shipped CI workflow for a policies repository: check every pull request that touches policies/. */
export function renderWorkflow(): string {
  return `# Checks every pull request that touches a policy: annotates the changed lines and
# fails when a policy is unfinished, does not parse, or breaks the archive.
# Add --fail-on major to require a second approval for major changes.
name: policy-check
on:
  pull_request:
    paths: ['policies/**', 'archive/**']
jobs:
  check:
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm ci
      - run: npx policy verify
      - run: npx policy check --base "origin/\${{ github.base_ref }}" --format github
`;
}

function wordDate(today: string, lang: Lang): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y} 年 ${m} 月 ${d} 日`;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** Plans `policy init`: every item with what to do about it. Pure. */
export function planInit(state: InitState, options: InitOptions): InitItem[] {
  const config = defaultConfig();
  const items: InitItem[] = [];
  const file = (path: string, content: string) => {
    items.push(state.existing.has(path) ? { path, action: 'exists' } : { path, action: 'write', content });
  };
  if (state.packageConfig) items.push({ path: 'package.json', action: 'exists' });
  else file('policy.config.json', `${JSON.stringify(config, null, 2)}\n`);
  const policyPath = `${config.policies}/${TEMPLATE_IDS[options.template]}.md`;
  if (state.policies.length > 0) for (const path of state.policies) items.push({ path, action: 'exists' });
  else file(policyPath, renderStarterPolicy(options.lang, options.template, wordDate(options.today, options.lang)));
  const archive = `${config.archive}/`;
  items.push({ path: archive, action: state.existing.has(archive) ? 'exists' : 'mkdir' });
  if (state.gitignore === null) file('.gitignore', `${IGNORED.join('\n')}\n`);
  else {
    const have = new Set(state.gitignore.map((line) => line.trim().replace(/^\//, '')));
    const missing = IGNORED.filter((entry) => !have.has(entry) && !have.has(entry.slice(0, -1)));
    items.push(missing.length === 0 ? { path: '.gitignore', action: 'exists' } : { path: '.gitignore', action: 'append', content: `${missing.join('\n')}\n` });
  }
  file('.github/workflows/policy-check.yml', renderWorkflow());
  return items;
}

/** The report init prints: what it wrote, what it left, and the next three commands. Pure. */
export function renderInitReport(items: readonly InitItem[], policyPath: string | null): string {
  const verbs: Record<InitItem['action'], string> = { write: 'created', mkdir: 'created', append: 'added to', exists: 'exists, left as it is:' };
  const lines = items.map((item) => {
    const what = item.action === 'append' ? `${item.path} (${(item.content ?? '').trim().split('\n').join(', ')})` : item.path;
    return `  ${verbs[item.action]} ${what}`;
  });
  const policy = policyPath ?? 'policies/<id>.md';
  const next = [
    policyPath ? `Next: fill in every [[TODO: …]] in ${policyPath}, then:` : 'Next:',
    `  policy triggers ${policy}   # the list of major changes the tool found in it`,
    '  policy publish --dry-run     # what would be published, and how',
    '  policy publish               # archive version 1.0',
  ];
  return `${lines.join('\n')}\n\n${next.join('\n')}\n`;
}
