/**
 * What publish announces to the stages that follow the archive, and the small
 * typed subscriber list that carries it. The archive steps emit; listeners
 * (the notices, src/publish/notices.ts) subscribe, so the archive never
 * imports what listens to it. Two moments, because a listener that owes work
 * after the commit point must be able to survive a crash:
 *
 * - `version archiving`: the version's files are written and index.json is
 *   about to list it. A listener records here what it will owe (the notices'
 *   pending marker), so a kill right after the commit point leaves it owed and
 *   the next publish finishes it.
 * - `version archived`: index.json lists the version (the commit point is
 *   passed). A listener does its work; a failure is reported on the version's
 *   outcome and never undoes the archived version.
 */
import type { ArchivedLevel } from '../types.js';
import type { WriteTarget } from '../archive/writable.js';
import type { PublishPlan } from './publish.js';

/** A version being (or just) archived, as every listener sees it. */
export interface VersionEvent {
  id: string;
  version: string;
  level: ArchivedLevel;
  /** The instant of the publish. */
  now: Date;
  /** Where a listener reports: a line per thing it did, its result, and what it left owed (with how to finish). */
  outcome: Pick<PublishPlan, 'actions' | 'notices' | 'noticeError' | 'noticeEnvironment'>;
}

/** A stage that follows the archive. Every method is optional but `archived`. */
export interface PublishListener {
  name: string;
  /** The files it will write for this version, so publish checks they can be written before the first write. */
  writes?(event: VersionEvent): WriteTarget[];
  /** Before the commit point: record what it will owe (crash-safe hand-off). */
  archiving?(event: VersionEvent): Promise<void>;
  /** After the commit point: do the work. Throwing stops the publish run (kept for an interrupt); anything else belongs in `outcome`. */
  archived(event: VersionEvent): Promise<void>;
  /** Under --dry-run: what it would do for the version (null: nothing to say). */
  describe?(event: VersionEvent): string | null;
  /** When a publish stops right after the commit point (Ctrl-C): what of its work is left and how to finish it (null: nothing to say). */
  stopped?(event: VersionEvent): string | null;
}

/** The events and the listener method each one calls. */
const HANDLERS = { 'version archiving': 'archiving', 'version archived': 'archived' } as const;

/** The name of an event publish emits. */
export type PublishEventName = keyof typeof HANDLERS;

/** The subscribers of one publish run. */
export class PublishEvents {
  private readonly listeners: PublishListener[] = [];

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: PublishListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Calls every listener of `name`, one after the other, in the order they subscribed. */
  async emit(name: PublishEventName, event: VersionEvent): Promise<void> {
    const method = HANDLERS[name];
    for (const listener of [...this.listeners]) await listener[method]?.(event);
  }

  /** The files every listener will write for `event`. */
  writes(event: VersionEvent): WriteTarget[] {
    return this.listeners.flatMap((listener) => listener.writes?.(event) ?? []);
  }

  /** After a stop at the commit point: what the listeners left for `event`, one line each. */
  stopped(event: VersionEvent): string[] {
    return this.listeners.flatMap((listener) => listener.stopped?.(event) ?? []);
  }

  /** Under --dry-run: what the listeners would do for `event`, one line each. */
  describe(event: VersionEvent): string[] {
    return this.listeners.flatMap((listener) => listener.describe?.(event) ?? []);
  }
}
