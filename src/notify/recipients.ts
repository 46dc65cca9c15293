/**
 * Recipients of notices, read as a stream so that a file of a million lines
 * never holds a million addresses in memory. A recipients file is CSV with an
 * `email` column (and optionally `name`), plain text with one address a line
 * (`Name <address>` allowed, `#` comments and blank lines ignored), or JSON
 * lines (`{"email": …, "name": …}` or a bare string). Invalid entries come out
 * as records with their line number; a file that cannot be read as recipients
 * at all (missing, a folder, binary, not UTF-8, no `email` column, malformed
 * CSV, empty) is a PolicyError naming the file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';
import { parse as parseCsv, type Options as CsvOptions } from 'csv-parse';
import { PolicyError, MESSAGES } from '../errors.js';
import type { Lang } from '../types.js';
import { checkAddress, cleanDisplayName, hashAddress } from './address.js';

/** Where recipients come from: addresses written in the configuration, or a file. */
export type RecipientsSource =
  | { kind: 'list'; label: string; entries: readonly string[] }
  | { kind: 'file'; label: string; path: string };

/** One entry of a recipients source: a valid recipient, or an invalid line to report and skip. */
export type RecipientRecord =
  | { ok: true; line: number; address: string; normalized: string; hash: string; name: string | undefined; lang?: Lang }
  | { ok: false; line: number; reason: string };

/** Recipients file formats. */
export type RecipientsFormat = 'csv' | 'text' | 'jsonl';

/**
 * The source for a configured value (`notify.major`, `notify.minor`) or a `--to` file:
 * a list of addresses stays a list, a string is a path relative to `cwd`.
 */
export function resolveRecipientsSource(value: readonly string[] | string, cwd: string, label: string): RecipientsSource {
  if (typeof value === 'string') return { kind: 'file', label: value, path: isAbsolute(value) ? value : resolve(cwd, value) };
  return { kind: 'list', label, entries: value };
}

/** The format of a recipients file, from its extension or (when that says nothing) its first line. */
export function detectRecipientsFormat(path: string, firstLine: string): RecipientsFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.txt' || ext === '.list') return 'text';
  const line = firstLine.trim();
  if (line.startsWith('{') || line.startsWith('"')) return 'jsonl';
  if (splitHeader(line).some((cell) => cell === 'email')) return 'csv';
  return 'text';
}

function splitHeader(line: string): string[] {
  return line
    .split(detectDelimiter(line))
    .map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * The language a recipients file gives for a recipient (`zh`, `zh-CN`, `en`, `en-GB` …), or
 * undefined for none or one without templates (they get the original's language). Pure.
 */
export function parseRecipientLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/, 1)[0];
  return primary === 'zh' || primary === 'en' ? primary : undefined;
}

/** A valid record with the recipient's language, when the file gives one. */
function withLang(record: RecipientRecord, lang: Lang | undefined): RecipientRecord {
  return record.ok && lang !== undefined ? { ...record, lang } : record;
}

/** Parses one entry (`address` or `Name <address>`) into a record. */
export function parseRecipientEntry(entry: string, line: number, name?: string): RecipientRecord {
  let text = entry.trim();
  let display = name;
  const angle = text.endsWith('>') ? /^(.*?)\s*<([^<>]*)>$/su.exec(text) : null;
  if (angle) {
    text = angle[2]!.trim();
    const given = angle[1]!.trim().replace(/^"(.*)"$/su, '$1');
    if (display === undefined && given !== '') display = given;
  }
  const parsed = checkAddress(text);
  if ('problem' in parsed) return { ok: false, line, reason: `not a valid e-mail address (${parsed.problem})` };
  const cleanName = display === undefined ? undefined : cleanDisplayName(display);
  return {
    ok: true,
    line,
    address: parsed.address,
    normalized: parsed.normalized,
    hash: hashAddress(parsed.normalized),
    name: cleanName === '' ? undefined : cleanName,
  };
}

/** Decoded text of a file, chunk by chunk, refusing binary and non-UTF-8 content. */
async function* readTextChunks(path: string, label: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  // Small chunks keep each batch of records short-lived: with large ones V8 promotes them and the heap balloons.
  const stream = createReadStream(path, { highWaterMark: 1 << 14 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) {
        throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS('binary file (contains NUL bytes), expected a recipients file (CSV, text or JSON lines)', { file: label }));
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (error) {
        throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS(`not valid UTF-8 text (after line ${line})`, { file: label }), { cause: error });
      }
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line += 1;
      yield text;
    }
    try {
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    } catch (error) {
      throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS('not valid UTF-8 text (the file ends inside a character)', { file: label }), { cause: error });
    }
  } finally {
    stream.destroy();
  }
}

/** Parses one line of a text or JSON-lines file; null for a line to ignore. */
type LineParser = (text: string, line: number) => RecipientRecord | null;

const parseTextLine: LineParser = (text, line) => {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  return parseRecipientEntry(trimmed, line);
};

const parseJsonLine: LineParser = (text, line) => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, line, reason: 'not valid JSON' };
  }
  if (typeof value === 'string') return parseRecipientEntry(value, line);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { email, name, lang } = value as { email?: unknown; name?: unknown; lang?: unknown };
    if (typeof email !== 'string') return { ok: false, line, reason: 'no "email" string in the object' };
    return withLang(parseRecipientEntry(email, line, typeof name === 'string' ? name : undefined), parseRecipientLang(lang));
  }
  return { ok: false, line, reason: 'expected an object with an "email" field or a string' };
};

/** The records of a line-oriented file, one batch per chunk read (a million lines should not mean a million awaits). */
async function* readLineRecipients(chunks: AsyncIterable<string>, parseLine: LineParser): AsyncGenerator<RecipientRecord[]> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const batch: RecipientRecord[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      line += 1;
      const record = parseLine(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end), line);
      if (record) batch.push(record);
      start = end + 1;
    }
    rest = text.slice(start);
    if (batch.length > 0) yield batch;
  }
  const record = rest === '' ? null : parseLine(rest.replace(/\r$/, ''), line + 1);
  if (record) yield [record];
}

async function* readCsvRecipients(chunks: AsyncIterable<string>, headerLine: string, label: string): AsyncGenerator<RecipientRecord[]> {
  const parser = parseCsv({
    bom: true,
    delimiter: detectDelimiter(headerLine),
    relax_column_count: true,
    skip_empty_lines: true,
    // No `trim`: addresses and names are trimmed when parsed, and trimming here doubles the strings.
    // Records come out as {cells, line}; the typings only know records shaped like the input.
    on_record: ((cells: string[], context: { lines: number }) => ({ cells, line: context.lines })) as unknown as CsvOptions['on_record'],
  });
  let failure: unknown;
  parser.on('error', (error) => (failure ??= error));
  let emailColumn = -1;
  let nameColumn = -1;
  let langColumn = -1;
  let header = true;
  const take = ({ cells, line }: { cells: string[]; line: number }, batch: RecipientRecord[]): void => {
    if (header) {
      const names = cells.map((cell) => cell.trim().toLowerCase());
      emailColumn = names.indexOf('email');
      nameColumn = names.indexOf('name');
      langColumn = names.indexOf('lang');
      if (emailColumn < 0) {
        const found = names.filter((n) => n !== '').slice(0, 8).join(', ') || 'nothing';
        throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS(`no "email" column in the header (found: ${found})`, { file: label, line, lineInMessage: true }));
      }
      header = false;
      return;
    }
    const email = cells[emailColumn]?.trim();
    if (email === undefined || email === '') {
      if (!cells.every((cell) => cell.trim() === '')) batch.push({ ok: false, line, reason: 'no value in the "email" column' });
      return;
    }
    const record = parseRecipientEntry(email, line, nameColumn >= 0 ? cells[nameColumn] : undefined);
    batch.push(langColumn >= 0 ? withLang(record, parseRecipientLang(cells[langColumn])) : record);
  };
  try {
    // The parser is driven by hand: write a chunk, read what it parsed. Iterating it record
    // by record costs an await per record, which a million-line file notices.
    for await (const chunk of chunks) {
      const batch: RecipientRecord[] = [];
      parser.write(chunk);
      for (let row = parser.read(); row !== null; row = parser.read()) take(row, batch);
      if (failure) throw failure;
      if (batch.length > 0) yield batch;
    }
    parser.end();
    const batch: RecipientRecord[] = [];
    // What is left (a last line without a newline) comes out once the parser has flushed.
    for await (const row of parser) take(row, batch);
    if (failure) throw failure;
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    const { lines } = error as { lines?: number };
    const where = typeof lines === 'number' ? `${label}:${lines}` : label;
    throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS(`malformed CSV: ${(error as Error).message}`, { file: where }), { cause: error });
  } finally {
    parser.destroy();
  }
}

async function checkFile(path: string, label: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PolicyError('FILE_NOT_FOUND', MESSAGES.FILE_NOT_FOUND(label, 'recipients file not found'), { cause: error });
    }
    throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS(`cannot read: ${(error as Error).message}`, { file: label }), { cause: error });
  }
  if (!info.isFile()) throw new PolicyError('NOT_A_FILE', MESSAGES.NOT_A_FILE(label, 'is a folder, expected a recipients file'));
  if (info.size === 0) throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS('the recipients file is empty', { file: label }));
}

/** A text stream with its first line already read, so the format can be told before parsing. */
async function peekFirstLine(chunks: AsyncGenerator<string>): Promise<{ firstLine: string; chunks: AsyncGenerator<string> }> {
  const buffered: string[] = [];
  let firstLine: string | null = null;
  let seen = '';
  while (firstLine === null) {
    const next = await chunks.next();
    if (next.done) {
      firstLine = seen.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '') ?? '';
      break;
    }
    buffered.push(next.value);
    seen += next.value;
    const lines = seen.replace(/^\uFEFF/, '').split('\n');
    const complete = lines.slice(0, -1).find((l) => l.trim() !== '');
    if (complete !== undefined) firstLine = complete;
    else if (seen.length > 1 << 20) firstLine = lines[0] ?? '';
  }
  async function* replay(): AsyncGenerator<string> {
    yield* buffered;
    yield* chunks;
  }
  return { firstLine: firstLine.replace(/\r$/, ''), chunks: replay() };
}

/**
 * Streams the recipients of a source in order, in batches, with invalid entries
 * as records. Throws BAD_RECIPIENTS (or FILE_NOT_FOUND / NOT_A_FILE) when the
 * source cannot be read as recipients at all, including when it holds no entries.
 */
export async function* readRecipientBatches(source: RecipientsSource): AsyncGenerator<RecipientRecord[]> {
  let entries = 0;
  if (source.kind === 'list') {
    const batch = source.entries.map((entry, i) => parseRecipientEntry(entry, i + 1));
    entries = batch.length;
    if (batch.length > 0) yield batch;
  } else {
    await checkFile(source.path, source.label);
    const { firstLine, chunks } = await peekFirstLine(readTextChunks(source.path, source.label));
    const format = detectRecipientsFormat(source.path, firstLine);
    const batches =
      format === 'csv'
        ? readCsvRecipients(chunks, firstLine, source.label)
        : readLineRecipients(chunks, format === 'jsonl' ? parseJsonLine : parseTextLine);
    for await (const batch of batches) {
      entries += batch.length;
      yield batch;
    }
  }
  if (entries === 0) {
    const what = source.kind === 'list' ? `${source.label}: the list of recipients is empty` : `${source.label}: no recipients in the file`;
    throw new PolicyError('BAD_RECIPIENTS', MESSAGES.BAD_RECIPIENTS(what));
  }
}

/** The records of a source one by one (see readRecipientBatches). */
export async function* readRecipients(source: RecipientsSource): AsyncGenerator<RecipientRecord> {
  for await (const batch of readRecipientBatches(source)) yield* batch;
}
