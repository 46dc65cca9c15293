/** Implementation of `policy show`. */
import { dirname } from 'node:path';
import { archiveDirOf, readReference } from '../../archive/reference.js';
import { readArchivedBytes } from '../../archive/store.js';
import { readConfig } from '../../config.js';
import { type Context, useColor, warn } from '../../context.js';
import { EXIT, MESSAGES, PolicyError } from '../../errors.js';
import { parsePolicyBytes } from '../../policy/parse-policy.js';
import { readRecordedRevision } from '../../publish/read-record.js';
import { renderRevisionJson } from '../../revision-json.js';
import { stringifyReportJson } from '../report/json.js';
import { renderRevisionText } from '../report/text.js';
import type { ShowOptions } from './show.js';

/** Prints the archived version a reference names, exactly as archived; with --changes, its changes as recorded. */
export async function runShow(ctx: Context, reference: string, options: ShowOptions = { format: 'text' }): Promise<number> {
  const { config } = await readConfig(ctx);
  const archived = await readReference(reference, ctx, config);
  if (options.changes) return showChanges(ctx, archived, archiveDirOf(ctx, config), options);
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark, so valid UTF-8 is written back byte for byte.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(archived.bytes);
  } catch (error) {
    throw new PolicyError('NOT_UTF8', MESSAGES.NOT_UTF8(archived.path), { cause: error });
  }
  ctx.stdout.write(text);
  return EXIT.ok;
}

/** The changes of an archived version against the one before it, as its record keeps them (never classified again). */
async function showChanges(ctx: Context, archived: Awaited<ReturnType<typeof readReference>>, archiveDir: string, options: ShowOptions): Promise<number> {
  const { entry, index } = archived;
  const position = index.versions.findIndex((v) => v.version === entry.version);
  const previous = position > 0 ? index.versions[position - 1]! : null;
  if (previous === null) {
    if (options.format === 'json') ctx.stdout.write(`${stringifyReportJson({ id: index.id, version: entry.version, level: entry.level, changes: [] })}\n`);
    else ctx.stdout.write(`${archived.label}: the first version (initial): nothing to compare it with\n`);
    return EXIT.ok;
  }
  const folder = dirname(archived.path);
  const previousLabel = `${folder}/${previous.file}`;
  const oldPolicy = parsePolicyBytes(await readArchivedBytes(archiveDir, index.id, previous, previousLabel), `${index.id}@${previous.version}`, index.id);
  const newPolicy = parsePolicyBytes(archived.bytes, archived.label, index.id);
  const { revision, recorded } = await readRecordedRevision(archiveDir, index.id, entry, oldPolicy, newPolicy, folder);
  if (!recorded) warn(ctx, `${archived.label} was archived before revision records existed: its changes are compared afresh by today's classifier`);
  if (options.format === 'json') ctx.stdout.write(`${stringifyReportJson({ ...renderRevisionJson(revision), recorded })}\n`);
  else ctx.stdout.write(renderRevisionText(revision, { color: useColor(ctx, ctx.stdout) }));
  return EXIT.ok;
}
