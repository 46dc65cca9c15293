/** Implementation of `policy publish`: the command-line side of the publish pipeline. */
import { createInterface } from 'node:readline';
import { type PublishOptions, type PublishPlan, type PublishResult, runPublish } from '../../publish/publish.js';
import { readConfig } from '../../config.js';
import { type Context, useColor, warn } from '../../context.js';
import { EXIT, PolicyError } from '../../errors.js';
import type { ClassifiedChange } from '../../types.js';
import { sectionOf } from '../../describe-revision.js';
import { recordFileName } from '../../publish/record.js';
import { renderRevisionJson, stringifyReportJson } from '../report/json.js';
import { renderRevisionText } from '../report/text.js';
import type { PublishCliOptions } from './publish.js';
import { requirePolicies } from '../../project-root.js';

/** Reads answers from stdin, one line each, through one reader (so answers typed ahead are not lost). */
function answerReader(ctx: Context): { next(): Promise<string>; close(): void } {
  const lines = createInterface({ input: ctx.stdin, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    next: async () => {
      const { value, done } = await iterator.next();
      return done ? '' : (value as string);
    },
    close: () => lines.close(),
  };
}

/**
 * The test seam `POLICY_TEST_PAUSE_BEFORE=<step>` (README, Development): before
 * that step of the pipeline, say so on stderr and wait (at most 30 s) until
 * publish takes in a Ctrl-C or SIGTERM, so a test can interrupt a real publish
 * at a known point. It never handles a signal itself: where publish does not,
 * the signal ends the process as usual. Unset, publish never waits.
 */
function pauseForTests(ctx: Context): ((name: string, interrupted: AbortSignal) => Promise<void>) | undefined {
  const at = ctx.env.POLICY_TEST_PAUSE_BEFORE;
  if (at === undefined || at === '') return undefined;
  return async (name, interrupted) => {
    if (name !== at) return;
    ctx.stderr.write(`policy: paused before ${name} (POLICY_TEST_PAUSE_BEFORE)\n`);
    if (interrupted.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 30_000);
      interrupted.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        interrupted.removeEventListener('abort', done);
        resolve();
      }
    });
  };
}

/** The low-confidence changes of a plan: their level is the classifier's best guess, for a person to confirm. */
function unsureChanges(plan: PublishPlan): ClassifiedChange[] {
  return plan.revision?.changes.filter((change) => change.confidence === 'low') ?? [];
}

function describeChange(change: ClassifiedChange): string {
  const line = change.newBlock?.line ?? change.oldBlock?.line;
  return `${change.level} ${change.kind} in ${sectionOf(change) || '(top)'}${line === undefined ? '' : `, line ${line}`}: ${change.reasons[0] ?? ''}`;
}

/** Lists the low-confidence changes of a plan, before its full report: they are what a person must look at first. */
function renderUnsure(plan: PublishPlan): string {
  const unsure = unsureChanges(plan);
  if (unsure.length === 0) return '';
  const lines = unsure.map((change, i) => `  ${i + 1}. ${describeChange(change)}`);
  return `${plan.id}: ${unsure.length} change${unsure.length === 1 ? '' : 's'} need${unsure.length === 1 ? 's' : ''} a decision (low confidence):\n${lines.join('\n')}\n\n`;
}

function headline(plan: PublishPlan): string {
  const entry = plan.entry;
  if (!entry) return `${plan.id}: nothing to publish`;
  const from = plan.latest ? `${plan.latest.version} → ${entry.version}` : `first version ${entry.version}`;
  const level = entry.override && entry.automatic ? `${entry.level}, overriding the classifier's ${entry.automatic.level}` : entry.level;
  return `${plan.id}: ${from} (${level}), dated ${entry.date}, effective ${entry.effective}`;
}

function printReport(ctx: Context, options: PublishCliOptions, plan: PublishPlan): void {
  if (options.format === 'json') return;
  ctx.stdout.write(renderUnsure(plan));
  if (plan.revision) ctx.stdout.write(renderRevisionText(plan.revision, { color: useColor(ctx, ctx.stdout) }));
  // Without an entry (a dry run refused), the report stands alone.
  if (plan.entry) ctx.stdout.write(`${headline(plan)}\n`);
}

/**
 * Asks on a terminal: first about each low-confidence change (keep its level,
 * or stop and give --level/--reason), unless --level already decided; then
 * whether to publish.
 */
async function confirmPublish(ctx: Context, plans: PublishPlan[], cli: PublishCliOptions): Promise<boolean> {
  const files = plans.map((plan) => plan.file).join(', ');
  if (!ctx.stdin.isTTY) {
    throw new PolicyError(
      'REFUSED',
      `${files}: not published: stdin is not a terminal, so nobody can confirm; run policy publish --yes to publish (or --dry-run to preview)`,
    );
  }
  const answers = answerReader(ctx);
  try {
    if (cli.level === undefined) {
      for (const plan of plans) {
        for (const change of unsureChanges(plan)) {
          ctx.stderr.write(`Keep ${describeChange(change)}? [Y/n] `);
          const answer = (await answers.next()).trim().toLowerCase();
          if (answer === 'n' || answer === 'no') {
            throw new PolicyError(
              'USAGE',
              `${plan.file}: not published: decide the level yourself with policy publish ${plan.file} --level major|minor --reason "…" (the reason is kept in the record)`,
            );
          }
        }
      }
    }
    const what = plans.map((plan) => `${plan.id} ${plan.entry?.version ?? ''}`.trim()).join(', ');
    ctx.stderr.write(`Publish ${what}? [y/N] `);
    const answer = (await answers.next()).trim().toLowerCase();
    return answer === 'y' || answer === 'yes';
  } finally {
    answers.close();
  }
}

function statusOf(plan: PublishPlan, dryRun: boolean): string {
  if (plan.status === 'planned') return dryRun ? 'would-publish' : 'planned';
  return plan.status;
}

/** The `--format json` result of a publish. Pure. */
export function renderPublishJson(result: PublishResult): unknown {
  return {
    dryRun: result.dryRun,
    date: result.date,
    pendingNotices: result.pendingNotices,
    policies: result.plans.map((plan) => ({
      id: plan.id,
      file: plan.file,
      status: statusOf(plan, result.dryRun),
      previousVersion: plan.latest?.version ?? null,
      version: plan.entry?.version ?? null,
      entry: plan.entry,
      archiveFile: plan.archiveFile,
      recordFile: plan.archiveFile && plan.entry ? plan.archiveFile.replace(/[^/]*$/, recordFileName(plan.entry.version)) : null,
      actions: plan.actions,
      warnings: plan.warnings,
      notices: plan.notices,
      noticeError: plan.noticeError,
      revision: plan.revision ? renderRevisionJson(plan.revision) : null,
    })),
  };
}

function renderPublishText(result: PublishResult): string {
  const lines: string[] = result.pendingNotices.map((pending) => pending.action);
  for (const plan of result.plans) {
    if (plan.status === 'nothing') {
      lines.push(`${plan.id}: nothing to publish (no visible change since ${plan.id}@${plan.latest?.version})`);
      continue;
    }
    const verb = plan.status === 'published' ? 'published' : plan.status === 'declined' ? 'not published (declined)' : 'dry run';
    lines.push(`${plan.id}: ${verb}`);
    for (const action of plan.actions) lines.push(`  ${action}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `policy publish` and returns its exit status (0, 1 declined, 3 notices failed, including owed notices it resumed). */
export async function runPublishCommand(ctx: Context, files: string[], cli: PublishCliOptions): Promise<number> {
  const { config } = await readConfig(ctx);
  if (files.length === 0) await requirePolicies(ctx, config);
  const options: PublishOptions = {
    files,
    yes: Boolean(cli.yes),
    dryRun: Boolean(cli.dryRun),
    date: cli.date,
    effective: cli.effective,
    notify: cli.notify !== false,
    level: cli.level,
    reason: cli.reason,
    summary: cli.summary,
    allowTriggerRemoval: Boolean(cli.allowTriggerRemoval),
  };
  const result = await runPublish(ctx, config, options, {
    report: (plan) => printReport(ctx, cli, plan),
    confirm: (plans) => confirmPublish(ctx, plans, cli),
    onLockWait: (holder) => warn(ctx, `waiting for another publish to finish (pid ${holder.pid}, since ${holder.startedAt})`),
    beforeStep: pauseForTests(ctx),
  });

  for (const plan of result.plans) for (const warning of plan.warnings) warn(ctx, warning);
  if (cli.format === 'json') ctx.stdout.write(`${stringifyReportJson(renderPublishJson(result))}\n`);
  else ctx.stdout.write(renderPublishText(result));

  let exit: number = EXIT.ok;
  // Notices that stopped on an unwritable path (a full outbox) are the environment's doing: exit 4 over 3.
  for (const unsent of [...result.pendingNotices, ...result.plans]) {
    if (unsent.noticeError === null) continue;
    ctx.stderr.write(`policy: ${unsent.noticeError}\n`);
    if (exit !== EXIT.environment) exit = unsent.noticeEnvironment ? EXIT.environment : EXIT.noticesFailed;
  }
  if (exit === EXIT.ok && result.plans.some((plan) => plan.status === 'declined')) {
    ctx.stderr.write('policy: not published: declined\n');
    exit = EXIT.failed;
  }
  return exit;
}
