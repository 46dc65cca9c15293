// The one script behind action.yml: runs `policy check` on the workspace with
// the action's inputs, and writes the pull-request comment's body for the
// comment step. Inputs come as the environment the action sets:
//   INPUT_BASE         git ref to compare with (default origin/$GITHUB_BASE_REF, else the archive)
//   INPUT_FAIL_ON      never | minor | major (default never)
//   INPUT_NOTICE_DAYS  least days between a major revision and its effective date (default: the config's)
//   INPUT_REQUIRE_NOTE never | minor | major: a revision of this level needs a changeNote (default never)
//   INPUT_FORMAT       github | text | markdown | json (default github)
//   INPUT_COMMENT      true | false: also write the comment body (default true)
// and GitHub's own: GITHUB_ACTION_PATH (where the tool is built), GITHUB_WORKSPACE,
// GITHUB_BASE_REF, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_SERVER_URL,
// GITHUB_REPOSITORY, GITHUB_RUN_ID. Exit status: the check's.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '<!-- policy-check -->';
/** GitHub refuses comments over 65,536 characters. */
const COMMENT_LIMIT = 65_000;

const env = process.env;
const input = (name, fallback) => {
  const value = (env[`INPUT_${name}`] ?? '').trim();
  return value === '' ? fallback : value;
};
const fail = (message) => {
  process.stderr.write(`policy action: ${message}\n`);
  process.exit(2);
};

const actionPath = env.GITHUB_ACTION_PATH || join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const base = input('BASE', env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : '');
const failOn = input('FAIL_ON', 'never');
const noticeDays = input('NOTICE_DAYS', '');
const requireNote = input('REQUIRE_NOTE', 'never');
const format = input('FORMAT', 'github');
const comment = input('COMMENT', 'true');
if (!['never', 'minor', 'major'].includes(failOn)) fail(`fail-on: expected never, minor or major, found "${failOn}"`);
if (!['never', 'minor', 'major'].includes(requireNote)) fail(`require-note: expected never, minor or major, found "${requireNote}"`);
if (!['github', 'text', 'markdown', 'json'].includes(format)) fail(`format: expected github, text, markdown or json, found "${format}"`);
if (noticeDays !== '' && !/^\d+$/.test(noticeDays)) fail(`notice-days: expected a whole number of days, found "${noticeDays}"`);
if (!['true', 'false'].includes(comment)) fail(`comment: expected true or false, found "${comment}"`);

const args = ['check', ...(base !== '' ? ['--base', base] : []), '--fail-on', failOn, '--require-note', requireNote, ...(noticeDays !== '' ? ['--notice-days', noticeDays] : [])];
const bin = join(actionPath, 'bin', 'policy.js');
const policy = (extra, extraEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args, ...extra], { cwd: workspace, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

// The verdict, in the chosen format (the check itself appends the Markdown report to the job summary).
const check = policy(['--format', format]);
process.stdout.write(check.stdout ?? '');
process.stderr.write(check.stderr ?? '');
const status = check.status ?? 70;

if (comment === 'true') {
  // The same report as Markdown for the comment; the summary already has it.
  const report = policy(['--format', 'markdown'], { GITHUB_STEP_SUMMARY: '' });
  const runUrl = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`;
  let body = report.stdout ?? '';
  if (!body.startsWith(MARKER)) body = `${MARKER}\n**policy check** could not produce its report; see the job log: ${runUrl}\n`;
  if (body.length > COMMENT_LIMIT) body = `${body.slice(0, COMMENT_LIMIT)}\n\n… report truncated; the full report is in the job summary: ${runUrl}\n`;
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'policy-check-'));
  const file = join(dir, 'comment.md');
  writeFileSync(file, body);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `comment-file=${file}\n`);
}
process.exit(status);
