// Bundles the CLI into dist/ so that `policy --version` loads one file instead of
// hundreds of ESM modules. Heavy subsystems (mail, SQLite, site) are imported
// dynamically by the commands that need them, so esbuild splits them into chunks
// that load only when used.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native addons and packages that resolve files at run time stay in node_modules.
  external: ['better-sqlite3'],
  // CommonJS dependencies inside an ESM bundle need require().
  banner: {
    js: "import { createRequire as __policyCreateRequire } from 'node:module'; const require = __policyCreateRequire(import.meta.url);",
  },
  define: { POLICY_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
