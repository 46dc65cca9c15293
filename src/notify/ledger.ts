/**
 * The delivery ledger: one row per policy version, channel (outbox or SMTP)
 * and recipient, in SQLite (`<ledger>/ledger.sqlite`, WAL, every change a
 * transaction). A recipient is identified by the SHA-256 of their normalised
 * address, never by the address. The ledger is what makes sending resumable
 * and deduplicated: a recipient is claimed before their message is handed to
 * the transport, marked in flight while the transport holds it, and given a
 * final status from the transport's answer. A row left in flight by a run that
 * died is `uncertain`: the server may or may not have taken the message.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { environmentError, PolicyError, MESSAGES } from '../errors.js';

/** Where a delivery stands. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'uncertain';

/** The notices of one version through one channel. */
export interface LedgerKey {
  policy: string;
  version: string;
  /** `outbox` or `smtp`: writing .eml files does not count as mailing anyone. */
  channel: string;
}

/** What claiming a recipient found. */
export type ClaimResult =
  /** First time this recipient is seen for this version: send. */
  | { kind: 'new' }
  /** Seen earlier in this run (a duplicate line): skip. */
  | { kind: 'duplicate' }
  /** Accepted in an earlier run: skip. */
  | { kind: 'sent' }
  /** An earlier run did not deliver it (failed, uncertain or never finished): send again. */
  | { kind: 'retry'; previous: Exclude<DeliveryStatus, 'sent'> };

/** Counts of rows per status. */
export type StatusCounts = Record<DeliveryStatus, number>;

/** File name of the ledger inside the ledger folder. */
export const LEDGER_FILE = 'ledger.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS deliveries (
  policy TEXT NOT NULL,
  version TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'uncertain')),
  attempts INTEGER NOT NULL DEFAULT 0,
  in_flight INTEGER NOT NULL DEFAULT 0,
  message_id TEXT,
  last_reply TEXT,
  updated_at TEXT NOT NULL,
  run TEXT NOT NULL,
  PRIMARY KEY (policy, version, channel, recipient)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
  run TEXT PRIMARY KEY,
  policy TEXT NOT NULL,
  version TEXT NOT NULL,
  channel TEXT NOT NULL,
  pid INTEGER NOT NULL,
  hostname TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  resume INTEGER NOT NULL,
  summary TEXT
);
CREATE INDEX IF NOT EXISTS runs_open ON runs (policy, version, channel, finished_at);
`;

/** Runs started by this process and not yet ended, so that our own pid in `runs` can be told stale or live. */
const liveRuns = new Set<string>();

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SQLite's codes for a database that cannot be written where it is: full, read-only, or unopenable. */
const SQLITE_ENVIRONMENT = /^SQLITE_(FULL|READONLY|CANTOPEN|IOERR|PERM)/;

/**
 * The ENVIRONMENT error (exit 4) for a ledger that cannot be written (disk
 * full, read-only folder), naming the ledger; null for any other error.
 */
export function ledgerEnvironmentError(error: unknown, path: string): PolicyError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SQLITE_ENVIRONMENT.test(code)) {
    return new PolicyError('ENVIRONMENT', MESSAGES.ENVIRONMENT(`the delivery ledger cannot be written (${code})`, { file: path }), { cause: error });
  }
  return environmentError(error, () => path);
}

/** An open ledger database. */
export class Ledger {
  readonly path: string;
  private readonly db: Database.Database;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
  }

  /** Opens (creating if needed) the ledger in `dir`. */
  static open(dir: string): Ledger {
    const path = join(dir, LEDGER_FILE);
    let db: Database.Database;
    try {
      mkdirSync(dir, { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL keeps every commit atomic and the database consistent; only the
      // last commits before a power loss can be lost, which resume then re-sends as uncertain.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
    } catch (error) {
      throw ledgerEnvironmentError(error, path) ?? new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG(`cannot open the delivery ledger: ${(error as Error).message}`, { file: path }), { cause: error });
    }
    return new Ledger(path, db);
  }

  /** Opens an existing ledger read-only (for dry runs); null when there is none. */
  static openReadOnly(dir: string): Ledger | null {
    const path = join(dir, LEDGER_FILE);
    if (!existsSync(path)) return null;
    try {
      return new Ledger(path, new Database(path, { readonly: true, fileMustExist: true }));
    } catch (error) {
      throw new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG(`cannot open the delivery ledger: ${(error as Error).message}`, { file: path }), { cause: error });
    }
  }

  /** Rows per status for one version and channel. */
  statusCounts(key: LedgerKey): StatusCounts {
    const counts: StatusCounts = { pending: 0, sent: 0, failed: 0, uncertain: 0 };
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM deliveries WHERE policy = ? AND version = ? AND channel = ? GROUP BY status')
      .all(key.policy, key.version, key.channel) as { status: DeliveryStatus; n: number }[];
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** A lookup of one recipient's status (null when unknown), prepared once. */
  statusLookup(key: LedgerKey): (hash: string) => DeliveryStatus | null {
    const statement = this.db.prepare('SELECT status FROM deliveries WHERE policy = ? AND version = ? AND channel = ? AND recipient = ?');
    return (hash) => (statement.get(key.policy, key.version, key.channel, hash) as { status: DeliveryStatus } | undefined)?.status ?? null;
  }

  /** Masked last replies of failed and uncertain rows, most frequent first. */
  failureReplies(key: LedgerKey, limit = 5): { status: DeliveryStatus; reply: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT status, COALESCE(last_reply, '') AS reply, COUNT(*) AS count FROM deliveries
         WHERE policy = ? AND version = ? AND channel = ? AND status IN ('failed', 'uncertain')
         GROUP BY status, reply ORDER BY count DESC, reply LIMIT ?`,
      )
      .all(key.policy, key.version, key.channel, limit) as { status: DeliveryStatus; reply: string; count: number }[];
  }

  /**
   * Starts a run for `key`: refuses when another live process is running one,
   * ends runs left open by dead processes, and turns rows they left in flight
   * into `uncertain`. Returns the run and how many rows it found uncertain that way.
   */
  startRun(key: LedgerKey, options: { resume: boolean; now: Date }): { run: LedgerRun; interrupted: number } {
    const runId = randomBytes(8).toString('hex');
    const host = hostname();
    const at = options.now.toISOString();
    const start = this.db.transaction(() => {
      const open = this.db
        .prepare('SELECT run, pid, hostname, started_at FROM runs WHERE policy = ? AND version = ? AND channel = ? AND finished_at IS NULL')
        .all(key.policy, key.version, key.channel) as { run: string; pid: number; hostname: string; started_at: string }[];
      for (const other of open) {
        const live = other.hostname !== host || (other.pid === process.pid ? liveRuns.has(other.run) : isProcessAlive(other.pid));
        if (live) {
          throw new PolicyError('LOCKED', MESSAGES.LOCKED(`notices of ${key.policy}@${key.version} are being sent by another process ` +
              `(pid ${other.pid} on ${other.hostname}, since ${other.started_at}); wait for it to finish`, { file: this.path }));
        }
        this.db.prepare("UPDATE runs SET finished_at = ?, summary = 'interrupted' WHERE run = ?").run(at, other.run);
      }
      const interrupted = this.db
        .prepare(
          `UPDATE deliveries SET status = 'uncertain', in_flight = 0, updated_at = ?,
             last_reply = COALESCE(last_reply, 'interrupted while the message was being sent')
           WHERE policy = ? AND version = ? AND channel = ? AND status = 'pending' AND in_flight = 1`,
        )
        .run(at, key.policy, key.version, key.channel).changes;
      this.db
        .prepare('INSERT INTO runs (run, policy, version, channel, pid, hostname, started_at, resume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(runId, key.policy, key.version, key.channel, process.pid, host, at, options.resume ? 1 : 0);
      return interrupted;
    });
    const interrupted = start.immediate();
    liveRuns.add(runId);
    return { run: new LedgerRun(this.db, key, runId), interrupted };
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}

/** The writes of one run, with its statements prepared once. */
export class LedgerRun {
  readonly id: string;
  private readonly key: LedgerKey;
  private readonly db: Database.Database;
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly reclaim: Database.Statement;
  private readonly adopt: Database.Statement;
  private readonly begin: Database.Statement;
  private readonly settle: Database.Statement;
  private readonly claimTx: Database.Transaction<(params: Record<string, string>) => ClaimResult>;

  constructor(db: Database.Database, key: LedgerKey, id: string) {
    this.db = db;
    this.key = key;
    this.id = id;
    const where = 'policy = @policy AND version = @version AND channel = @channel AND recipient = @recipient';
    this.select = db.prepare(`SELECT status, run FROM deliveries WHERE ${where}`);
    // A claimed recipient is handed to the transport at once: the claim is also the first attempt.
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO deliveries (policy, version, channel, recipient, status, attempts, in_flight, message_id, updated_at, run)
       VALUES (@policy, @version, @channel, @recipient, 'pending', 1, 1, @messageId, @at, @run)`,
    );
    this.reclaim = db.prepare(
      `UPDATE deliveries SET status = 'pending', attempts = attempts + 1, in_flight = 1, message_id = @messageId, updated_at = @at, run = @run WHERE ${where}`,
    );
    this.adopt = db.prepare(`UPDATE deliveries SET run = @run WHERE ${where}`);
    this.begin = db.prepare(`UPDATE deliveries SET attempts = attempts + 1, in_flight = 1, updated_at = @at WHERE ${where}`);
    this.settle = db.prepare(`UPDATE deliveries SET status = @status, in_flight = 0, last_reply = @reply, updated_at = @at WHERE ${where}`);
    this.claimTx = db.transaction((params: Record<string, string>): ClaimResult => {
      const row = this.select.get(params) as { status: DeliveryStatus; run: string } | undefined;
      if (row === undefined) {
        this.insert.run(params);
        return { kind: 'new' };
      }
      if (row.run === this.id) return { kind: 'duplicate' };
      if (row.status === 'sent') {
        this.adopt.run(params);
        return { kind: 'sent' };
      }
      this.reclaim.run(params);
      return { kind: 'retry', previous: row.status };
    });
  }

  /**
   * Claims a recipient for this run (see ClaimResult). A `new` or `retry` claim
   * also records the first attempt: call it only when the message can be sent now.
   */
  claim(hash: string, messageId: string, now: Date): ClaimResult {
    const params = { ...this.key, recipient: hash, messageId, at: now.toISOString(), run: this.id };
    // A recipient never seen before (the usual case) is one statement; the rest need a look first.
    if (this.insert.run(params).changes === 1) return { kind: 'new' };
    return this.claimTx.immediate(params);
  }

  /** Records that a message is being handed to the transport again (a retry: one more attempt, in flight). */
  beginAttempt(hash: string, now: Date): void {
    this.begin.run({ ...this.key, recipient: hash, at: now.toISOString() });
  }

  /** Records the outcome of an attempt: `pending` while a retry is scheduled, else the final status. */
  settleAttempt(hash: string, status: DeliveryStatus, reply: string | null, now: Date): void {
    this.settle.run({ ...this.key, recipient: hash, status, reply, at: now.toISOString() });
  }

  /** Ends the run, recording its summary. */
  end(now: Date, summary: string): void {
    this.db.prepare('UPDATE runs SET finished_at = ?, summary = ? WHERE run = ?').run(now.toISOString(), summary, this.id);
    liveRuns.delete(this.id);
  }
}
