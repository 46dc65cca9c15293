/** The summary printed at the end of every notices run. Pure. */
import type { ChangeLevel } from '../types.js';

/** What a notices run reports. The first five fields are what `policy publish` relies on. */
export interface NoticeResult {
  /** Messages accepted (or written to the outbox) in this run. */
  sent: number;
  /** Messages refused, or still failing after the last retry. */
  failed: number;
  /** Messages whose connection broke after the data and before the reply (resume re-sends them). */
  uncertain: number;
  /** True when nothing was attempted (no sender, no recipients, a first version). */
  skipped: boolean;
  /** Why it was skipped. */
  reason?: string;
  level?: ChangeLevel;
  /** `outbox` or `smtp`. */
  channel?: 'outbox' | 'smtp';
  /** Where messages went (outbox folder, or SMTP host without credentials). */
  destination?: string;
  subject?: string;
  dryRun?: boolean;
  /** Distinct valid recipients. */
  recipients?: number;
  /** Invalid entries skipped. */
  invalid?: number;
  /** Repeated addresses skipped. */
  duplicates?: number;
  /** Recipients served by an earlier run. */
  alreadySent?: number;
  /** Recipients left uncertain by an earlier run and sent again now. */
  resentUncertain?: number;
  /** Recipients not attempted because the run stopped early. */
  notAttempted?: number;
  /** Why the run stopped early. */
  stopped?: string;
  /** True when Ctrl-C or SIGTERM stopped the run. */
  interrupted?: boolean;
  /** The most frequent failure replies (addresses masked). */
  failures?: { status: string; reply: string; count: number }[];
  /** Wall time of the sending, in seconds. */
  seconds?: number;
  /** The command that finishes the job, when something is left to do. */
  resumeCommand?: string;
}

const number = new Intl.NumberFormat('en-US');
const n = (value: number | undefined) => number.format(value ?? 0);
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

/** The command that resends the notices of a version. */
export function renderResumeCommand(id: string, version: string): string {
  return `policy notify ${id}@${version} --resume`;
}

/** True when a run left recipients without an accepted message. */
export function hasUndelivered(result: NoticeResult): boolean {
  return !result.skipped && !result.dryRun && result.failed + result.uncertain + (result.notAttempted ?? 0) > 0;
}

/** The lines of the summary of a run (no trailing newline). */
export function renderNoticeSummary(result: NoticeResult, target: string): string[] {
  if (result.skipped) return [`notices of ${target}: none sent: ${result.reason ?? 'nothing to send'}`];
  const lines: string[] = [];
  const level = result.level ? ` (${result.level})` : '';
  const skippedParts = [
    result.duplicates ? plural(result.duplicates, 'duplicate', 'duplicates') : '',
    result.invalid ? plural(result.invalid, 'invalid entry', 'invalid entries') : '',
    result.alreadySent ? `${n(result.alreadySent)} already sent` : '',
  ].filter((part) => part !== '');
  if (result.dryRun) {
    const toSend = (result.recipients ?? 0) - (result.alreadySent ?? 0);
    lines.push(`dry run: would send ${plural(toSend, 'notice', 'notices')} of ${target}${level} via ${result.destination}`);
    if (result.subject) lines.push(`  subject: ${result.subject}`);
    lines.push(`  recipients: ${n(result.recipients)} distinct valid${skippedParts.length ? ` (skipped: ${skippedParts.join(', ')})` : ''}`);
    return lines;
  }
  lines.push(`notices of ${target}${level} via ${result.destination}`);
  lines.push(`  sent: ${n(result.sent)} · failed: ${n(result.failed)} · uncertain: ${n(result.uncertain)}`);
  if (skippedParts.length) lines.push(`  skipped: ${skippedParts.join(', ')}`);
  if (result.resentUncertain) {
    lines.push(`  re-sent ${plural(result.resentUncertain, 'uncertain delivery', 'uncertain deliveries')} of an earlier run (those recipients may have the notice twice)`);
  }
  for (const failure of result.failures ?? []) lines.push(`  ${failure.status}: ${failure.reply || 'no reply'} (×${n(failure.count)})`);
  if (result.stopped) {
    lines.push(`  stopped early: ${result.stopped}${result.notAttempted ? `; ${n(result.notAttempted)} not attempted` : ''}`);
  }
  if (result.uncertain) {
    lines.push(`  uncertain: the connection broke after the message was sent and before the server answered; resume sends those again`);
  }
  if (result.seconds !== undefined && result.seconds > 0) {
    const rate = (result.sent + result.failed + result.uncertain) / result.seconds;
    lines.push(`  time: ${result.seconds.toFixed(1)} s (${n(Math.round(rate))} messages/s)`);
  }
  if (result.resumeCommand && hasUndelivered(result)) lines.push(`  to retry: ${result.resumeCommand}`);
  return lines;
}
