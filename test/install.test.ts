/**
 * The package as a company gets it: `npm pack`, installed into an empty prefix,
 * run with nothing else (no source, no dev dependencies): init, publish with
 * notices (the SQLite ledger is the native addon), verify, site.
 *
 * better-sqlite3's install script compiles its addon from source when it cannot
 * download a prebuilt one, which takes minutes on a small machine; so by default
 * the install runs with --ignore-scripts and puts in the addon this checkout's
 * install built (the same package version for the same Node), which is what the
 * script would produce. POLICY_TEST_FULL_INSTALL=1 runs the real install scripts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './archive-helpers.js';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const hasNpm = npm.status === 0;
const work = mkdtempSync(join(tmpdir(), 'policy-install-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment without what `npm test` set for itself (its prefix, its scripts' config). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1' };
}

function run(command: string, args: string[], cwd: string, input = ''): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', input, timeout: 600_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!hasNpm)('npm pack → install → run', () => {
  it('installs from the tarball alone and takes a company from init to a published, notified, verified policy', { timeout: 900_000 }, () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' })) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((file) => file.path);
    expect(files).toContain('bin/policy.js');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('package.json');
    expect(files.filter((path) => /^(src|test|scripts|policies|archive|node_modules)\//.test(path))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; bin: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.bin.policy).toBe('bin/policy.js');
    // Everything else is bundled into dist/: the one runtime dependency is the native SQLite addon.
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);

    const prefix = join(work, 'prefix');
    const full = process.env.POLICY_TEST_FULL_INSTALL === '1';
    const install = run(
      'npm',
      ['install', '-g', '--prefix', prefix, join(work, packed[0]!.filename), '--prefer-offline', '--no-audit', '--no-fund', ...(full ? ['--allow-scripts=better-sqlite3'] : ['--ignore-scripts'])],
      work,
    );
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    const installed = join(prefix, 'lib/node_modules/policy');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'node_modules', 'package.json']);
    if (!full) {
      const release = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
      mkdirSync(join(installed, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
      cpSync(join(ROOT, release), join(installed, release));
    }
    const policy = join(prefix, 'bin/policy');
    expect(existsSync(policy)).toBe(true);

    const project = join(work, 'legal');
    mkdirSync(project);
    execFileSync('git', ['init', '-q', project]);
    const init = run(policy, ['init', '--lang', 'zh'], project);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created policies/privacy-policy.md');

    const refused = run(policy, ['publish', '--yes'], project);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^policy: policies\/privacy-policy\.md:\d+: the policy still has a placeholder/);

    const file = join(project, 'policies/privacy-policy.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\[\[TODO: [^\]]*\]\]/g, '示例公司').replace('示例公司]', '示例公司'));
    const config = JSON.parse(readFileSync(join(project, 'policy.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(project, 'policy.config.json'),
      JSON.stringify({ ...config, notify: { ...(config.notify as object), from: 'Legal <legal@example.com>', major: ['user@example.com'], minor: ['legal@example.com'] } }),
    );
    const first = run(policy, ['publish', '--yes', '--date', '2026-11-01'], project);
    expect(first.stderr).not.toContain('error');
    expect(first.code).toBe(0);
    expect(existsSync(join(project, 'archive/privacy-policy/1.0.md'))).toBe(true);

    // A second, major revision: its notice goes to the outbox and the delivery ledger (SQLite) records it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('个人信息安全影响评估报告表明存在高风险。', '个人信息安全影响评估报告表明存在高风险；\n- 我们的数据存储地点发生变化。'));
    const second = run(policy, ['publish', '--yes', '--date', '2026-11-02'], project);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('2.0');
    expect(readdirSync(join(project, 'outbox/privacy-policy/2.0')).filter((name) => name.endsWith('.eml'))).toHaveLength(1);
    expect(existsSync(join(project, '.policy/ledger.sqlite'))).toBe(true);

    const verify = run(policy, ['verify'], join(project, 'policies'));
    expect(verify.stdout).toContain('OK (1 policy, 2 versions verified)');
    expect(verify.code).toBe(0);
    const site = run(policy, ['site'], project);
    expect(site.code).toBe(0);
    expect(existsSync(join(project, 'site/privacy-policy/2.0/changes/index.html'))).toBe(true);
    expect(run(policy, ['--version'], project).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
