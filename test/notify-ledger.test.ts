import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashAddress } from '../src/notify/address.js';
import { Ledger, LEDGER_FILE, type LedgerKey } from '../src/notify/ledger.js';

const key: LedgerKey = { policy: 'privacy-policy', version: '2.0', channel: 'smtp' };
const now = new Date('2026-12-01T00:00:00Z');
const alice = hashAddress('alice@example.com');
const bob = hashAddress('bob@example.org');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-ledger-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('delivery ledger', () => {
  it('claims each recipient once per run and remembers outcomes across runs', () => {
    const ledger = Ledger.open(dir);
    const { run } = ledger.startRun(key, { resume: false, now });
    expect(run.claim(alice, '<m1@x>', now)).toEqual({ kind: 'new' });
    expect(run.claim(alice, '<m1@x>', now)).toEqual({ kind: 'duplicate' });
    expect(run.claim(bob, '<m2@x>', now)).toEqual({ kind: 'new' });
    run.settleAttempt(alice, 'sent', '250 OK', now);
    run.beginAttempt(bob, now);
    run.settleAttempt(bob, 'failed', '550 <***@***> unknown', now);
    run.end(now, 'done');
    expect(ledger.statusCounts(key)).toEqual({ pending: 0, sent: 1, failed: 1, uncertain: 0 });
    // Other versions and channels are separate.
    expect(ledger.statusCounts({ ...key, channel: 'outbox' })).toEqual({ pending: 0, sent: 0, failed: 0, uncertain: 0 });

    const second = ledger.startRun(key, { resume: true, now }).run;
    expect(second.claim(alice, '<m1@x>', now)).toEqual({ kind: 'sent' });
    expect(second.claim(alice, '<m1@x>', now)).toEqual({ kind: 'duplicate' });
    expect(second.claim(bob, '<m2@x>', now)).toEqual({ kind: 'retry', previous: 'failed' });
    second.end(now, 'done');
    expect(ledger.failureReplies(key)).toEqual([]);
    ledger.close();
  });

  it('refuses a second live run of the same version, and takes over from a dead one, marking its in-flight rows uncertain', () => {
    const ledger = Ledger.open(dir);
    const { run } = ledger.startRun(key, { resume: false, now });
    // Alice's message is with the transport; Bob's failed temporarily and waits for a retry.
    run.claim(alice, '<m1@x>', now);
    run.claim(bob, '<m2@x>', now);
    run.settleAttempt(bob, 'pending', '451 4.7.1 try later', now);
    expect(() => ledger.startRun(key, { resume: true, now })).toThrow(/being sent by another process \(pid \d+/);

    // The process "dies": its pid no longer exists.
    const db = new Database(join(dir, LEDGER_FILE));
    db.prepare('UPDATE runs SET pid = 2147483646 WHERE run = ?').run(run.id);
    db.close();
    const { run: next, interrupted } = ledger.startRun(key, { resume: true, now });
    expect(interrupted).toBe(1);
    expect(ledger.statusCounts(key)).toEqual({ pending: 1, sent: 0, failed: 0, uncertain: 1 });
    expect(next.claim(alice, '<m1@x>', now)).toEqual({ kind: 'retry', previous: 'uncertain' });
    // Not with the transport when the run died: safe to send, not uncertain.
    expect(next.claim(bob, '<m2@x>', now)).toEqual({ kind: 'retry', previous: 'pending' });
    next.end(now, 'done');
    ledger.close();
  });

  it('stores hashes and masked replies, never an address', () => {
    const ledger = Ledger.open(dir);
    const { run } = ledger.startRun(key, { resume: false, now });
    run.claim(alice, '<m1@x>', now);
    run.settleAttempt(alice, 'failed', '550 5.1.1 <***@***>: mailbox unavailable', now);
    run.end(now, 'done');
    expect(ledger.failureReplies(key)).toEqual([{ status: 'failed', reply: '550 5.1.1 <***@***>: mailbox unavailable', count: 1 }]);
    ledger.close();
    const db = new Database(join(dir, LEDGER_FILE), { readonly: true });
    const row = db.prepare('SELECT recipient, status, attempts, message_id, last_reply, updated_at FROM deliveries').get();
    db.close();
    expect(row).toEqual({
      recipient: alice,
      status: 'failed',
      attempts: 1,
      message_id: '<m1@x>',
      last_reply: '550 5.1.1 <***@***>: mailbox unavailable',
      updated_at: '2026-12-01T00:00:00.000Z',
    });
    for (const file of [LEDGER_FILE, `${LEDGER_FILE}-wal`]) {
      let bytes = '';
      try {
        bytes = readFileSync(join(dir, file), 'latin1');
      } catch {
        continue;
      }
      expect(bytes).not.toContain('alice@example.com');
    }
  });

  it('opens read-only only when a ledger exists', () => {
    expect(Ledger.openReadOnly(dir)).toBeNull();
    Ledger.open(dir).close();
    const ro = Ledger.openReadOnly(dir)!;
    expect(ro.statusLookup(key)(alice)).toBeNull();
    ro.close();
  });
});
