/**
 * Notices listen to "version archived": the archive steps emit two moments
 * (before the commit point, "version archiving"; after it, "version
 * archived"), and the notices listener records its pending marker at the
 * first and sends at the second. An observer listener, subscribed after the
 * notices, sees the repository at each moment.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishEvents, type PublishListener, type VersionEvent } from '../src/publish/events.js';
import { runPublish, type PublishOptions } from '../src/publish/publish.js';
import { readConfig } from '../src/config.js';
import type { Context } from '../src/context.js';
import type { ArchiveIndex } from '../src/types.js';
import { majorEdit, makeRepo, type TempRepo } from './archive-helpers.js';

const POLICY = 'policies/privacy-policy.md';
const MARKER = '.policy/pending-notices/privacy-policy@2.0.json';
const repos: TempRepo[] = [];
afterEach(() => {
  for (const made of repos.splice(0)) made.remove();
});

function ctxAt(cwd: string): Context {
  const sink = { write: () => true };
  return { cwd, env: {}, now: () => new Date('2026-11-29T12:00:00Z'), random: () => 0.5, stdout: sink, stderr: sink, stdin: process.stdin };
}

function event(outcome: VersionEvent['outcome'] = { actions: [], notices: null, noticeError: null }): VersionEvent {
  return { id: 'p', version: '2.0', level: 'major', now: new Date(0), outcome };
}

describe('PublishEvents', () => {
  it('calls each listener of an event in the order they subscribed, one after the other; unsubscribing stops the calls', async () => {
    const events = new PublishEvents();
    const calls: string[] = [];
    const slow: PublishListener = {
      name: 'slow',
      archiving: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        calls.push('slow archiving');
      },
      archived: async () => void calls.push('slow archived'),
    };
    const quick: PublishListener = { name: 'quick', archived: async () => void calls.push('quick archived'), describe: () => 'would be quick' };
    events.subscribe(slow);
    const unsubscribe = events.subscribe(quick);
    await events.emit('version archiving', event());
    await events.emit('version archived', event());
    expect(calls).toEqual(['slow archiving', 'slow archived', 'quick archived']);
    expect(events.describe(event())).toEqual(['would be quick']);
    unsubscribe();
    await events.emit('version archived', event());
    expect(calls).toEqual(['slow archiving', 'slow archived', 'quick archived', 'slow archived']);
    expect(events.describe(event())).toEqual([]);
  });

  it('a listener that throws stops the emit (so an interrupt is not swallowed)', async () => {
    const events = new PublishEvents();
    events.subscribe({ name: 'boom', archived: async () => Promise.reject(new Error('boom')) });
    await expect(events.emit('version archived', event())).rejects.toThrow('boom');
  });
});

describe('publish emits "version archiving" then "version archived"; the notices listen', () => {
  it('the marker is written before the commit point, the notices after it, and the observer sees both moments', async () => {
    const made = makeRepo();
    repos.push(made);
    made.write('policy.config.json', JSON.stringify({ siteUrl: 'https://policies.example.com', notify: { from: 'Legal <legal@example.com>', major: ['ana@example.com'] } }));
    made.write(POLICY, majorEdit());
    const listed = () => (JSON.parse(made.read('archive/privacy-policy/index.json')) as ArchiveIndex).versions.map((entry) => entry.version);
    const outbox = join(made.root, 'outbox/privacy-policy/2.0');
    const seen: { moment: string; id: string; version: string; level: string; listed: string[]; marker: boolean; sent: number }[] = [];
    const look = (moment: string) => async (e: VersionEvent) => {
      seen.push({
        moment,
        id: e.id,
        version: e.version,
        level: e.level,
        listed: listed(),
        marker: made.exists(MARKER),
        sent: existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith('.eml')).length : 0,
      });
    };
    const observer: PublishListener = { name: 'observer', archiving: look('archiving'), archived: look('archived') };
    const ctx = ctxAt(made.root);
    const { config } = await readConfig(ctx);
    const options: PublishOptions = { files: [], yes: true, dryRun: false, notify: true, allowTriggerRemoval: false };
    const result = await runPublish(ctx, config, options, { report: () => undefined, confirm: async () => true, listeners: [observer] });

    expect(seen).toEqual([
      // Before the commit point: not listed yet, and the notices listener (subscribed first) has recorded what it owes.
      { moment: 'archiving', id: 'privacy-policy', version: '2.0', level: 'major', listed: ['1.0'], marker: true, sent: 0 },
      // After it: listed, and the notices listener has sent and settled its marker.
      { moment: 'archived', id: 'privacy-policy', version: '2.0', level: 'major', listed: ['1.0', '2.0'], marker: false, sent: 1 },
    ]);
    expect(result.plans[0]!.actions).toContain('notices: 1 sent, 0 failed, 0 uncertain');
  });

  it('under --dry-run nothing is emitted; the listeners say what they would do', async () => {
    const made = makeRepo();
    repos.push(made);
    made.write('policy.config.json', JSON.stringify({ notify: { from: 'Legal <legal@example.com>', major: ['ana@example.com'] } }));
    made.write(POLICY, majorEdit());
    const calls: string[] = [];
    const observer: PublishListener = { name: 'observer', archiving: async () => void calls.push('archiving'), archived: async () => void calls.push('archived'), describe: () => 'would observe' };
    const ctx = ctxAt(made.root);
    const { config } = await readConfig(ctx);
    const options: PublishOptions = { files: [], yes: true, dryRun: true, notify: true, allowTriggerRemoval: false };
    const result = await runPublish(ctx, config, options, { report: () => undefined, confirm: async () => true, listeners: [observer] });
    expect(calls).toEqual([]);
    expect(result.plans[0]!.actions.at(-1)).toBe('would send the major notices of privacy-policy@2.0; would observe');
    expect(made.exists(MARKER)).toBe(false);
  });

  it('the publish lock is .policy/publish.lock, held while the listeners run, and never in the notice ledger\'s folder', async () => {
    const made = makeRepo();
    repos.push(made);
    made.write('policy.config.json', JSON.stringify({ notify: { from: 'Legal <legal@example.com>', major: ['ana@example.com'], ledger: 'state/ledger' } }));
    made.write(POLICY, majorEdit());
    const locks: { moment: string; publishLock: boolean; inLedger: boolean }[] = [];
    const look = (moment: string) => async () => void locks.push({ moment, publishLock: made.exists('.policy/publish.lock'), inLedger: made.exists('state/ledger/publish.lock') });
    const ctx = ctxAt(made.root);
    const { config } = await readConfig(ctx);
    const options: PublishOptions = { files: [], yes: true, dryRun: false, notify: true, allowTriggerRemoval: false };
    await runPublish(ctx, config, options, { report: () => undefined, confirm: async () => true, listeners: [{ name: 'observer', archiving: look('archiving'), archived: look('archived') }] });
    expect(locks).toEqual([
      { moment: 'archiving', publishLock: true, inLedger: false },
      { moment: 'archived', publishLock: true, inLedger: false },
    ]);
    // The notices used the configured ledger; the lock is gone once the publish ends.
    expect(made.exists('state/ledger/ledger.sqlite')).toBe(true);
    expect(made.exists('.policy/publish.lock')).toBe(false);
    expect(made.exists('state/ledger/pending-notices/privacy-policy@2.0.json')).toBe(false);
  });
});
