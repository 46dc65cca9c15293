import { describe, expect, it } from 'vitest';
import { computeProgress, DeliveryProgress, renderDuration } from '../src/notify/progress.js';
import { renderNoticeSummary } from '../src/notify/summary.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { write: (chunk: string) => writes.push(chunk), isTTY, columns: 120 } };
}

describe('progress', () => {
  it('computes rate and ETA from the counts and the clock', () => {
    expect(computeProgress({ sent: 90, failed: 10, uncertain: 0, alreadySent: 50 }, 1050, 10_000)).toEqual({ done: 150, rate: 10, eta: 90 });
    expect(computeProgress({ sent: 0, failed: 0, uncertain: 0, alreadySent: 0 }, 10, 0)).toEqual({ done: 0, rate: 0, eta: null });
    expect(renderDuration(5)).toBe('5s');
    expect(renderDuration(185)).toBe('3m 05s');
    expect(renderDuration(7320)).toBe('2h 02m');
  });

  it('draws a bar in place on a terminal, at most every 100 ms, and clears it at the end', () => {
    let now = 0;
    const { writes, out } = stream(true);
    const progress = new DeliveryProgress(out, () => now, { total: 1000, label: 'p@2.0' });
    now = 1000;
    progress.update({ sent: 250, failed: 5, uncertain: 0, alreadySent: 0 });
    now = 1050;
    progress.update({ sent: 260, failed: 5, uncertain: 0, alreadySent: 0 });
    expect(writes).toEqual(['\r\x1b[2K██████░░░░░░░░░░░░░░░░░░ 25% 255/1,000 · sent 250 · failed 5 · 255/s · ETA 3s']);
    progress.finish();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes a line every few seconds elsewhere', () => {
    let now = 0;
    const { writes, out } = stream(false);
    const progress = new DeliveryProgress(out, () => now, { total: 100, label: 'p@2.0' });
    for (now = 0; now <= 12_000; now += 1000) progress.update({ sent: now / 1000, failed: 0, uncertain: 1, alreadySent: 0 });
    expect(writes).toEqual([
      'policy: notices of p@2.0: 6/100 · sent 5 · failed 0 · uncertain 1 · 1/s · ETA 1m 18s\n',
      'policy: notices of p@2.0: 11/100 · sent 10 · failed 0 · uncertain 1 · 1/s · ETA 1m 21s\n',
    ]);
    progress.finish();
    expect(writes).toHaveLength(2);
  });
});

describe('summary', () => {
  it('reports what was sent, skipped and failed, and how to resume', () => {
    const lines = renderNoticeSummary(
      {
        sent: 9997,
        failed: 2,
        uncertain: 1,
        skipped: false,
        level: 'major',
        destination: 'smtp://mail.example.com:587',
        duplicates: 3,
        invalid: 1,
        alreadySent: 0,
        resentUncertain: 0,
        notAttempted: 0,
        failures: [{ status: 'failed', reply: '550 5.1.1 <***@***>: mailbox unavailable', count: 2 }],
        seconds: 10,
        resumeCommand: 'policy notify p@2.0 --resume',
      },
      'p@2.0',
    );
    expect(lines).toEqual([
      'notices of p@2.0 (major) via smtp://mail.example.com:587',
      '  sent: 9,997 · failed: 2 · uncertain: 1',
      '  skipped: 3 duplicates, 1 invalid entry',
      '  failed: 550 5.1.1 <***@***>: mailbox unavailable (×2)',
      '  uncertain: the connection broke after the message was sent and before the server answered; resume sends those again',
      '  time: 10.0 s (1,000 messages/s)',
      '  to retry: policy notify p@2.0 --resume',
    ]);
    expect(renderNoticeSummary({ sent: 0, failed: 0, uncertain: 0, skipped: true, reason: 'notify.from is not configured' }, 'p@2.0')).toEqual([
      'notices of p@2.0: none sent: notify.from is not configured',
    ]);
  });
});
