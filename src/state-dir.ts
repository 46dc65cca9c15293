/** The tool's own state folder, `.policy/` at the project root: the publish lock and publish intents live there. */
import { resolve } from 'node:path';
import type { Context } from './context.js';

/**
 * The state folder. Fixed, not configurable: every command must find the lock
 * and the intents of an interrupted publish in the same place (the delivery
 * ledger defaults to it too, but `notify.ledger` may move the ledger).
 */
export function stateDir(ctx: Context): string {
  return resolve(ctx.cwd, '.policy');
}
