import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyError } from '../src/errors.js';
import { findAddressProblem, hashAddress, maskAddresses, parseAddress } from '../src/notify/address.js';
import { FingerprintSet } from '../src/notify/fingerprint-set.js';
import { readRecipients, resolveRecipientsSource, type RecipientRecord } from '../src/notify/recipients.js';

const dir = fileURLToPath(new URL('./fixtures/notify-recipients/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'policy-recipients-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function readAll(file: string): Promise<RecipientRecord[]> {
  const records: RecipientRecord[] = [];
  for await (const record of readRecipients(resolveRecipientsSource(file, dir, file))) records.push(record);
  return records;
}

async function readError(file: string, cwd = dir): Promise<PolicyError> {
  try {
    for await (const _ of readRecipients(resolveRecipientsSource(file, cwd, file))) {
      // drain
    }
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyError;
  }
  throw new Error('expected an error');
}

describe('addresses', () => {
  it('accepts ordinary and international addresses and refuses malformed ones', () => {
    expect(findAddressProblem('alice@example.com')).toBeNull();
    expect(findAddressProblem('a.b+tag@sub.example.co.uk')).toBeNull();
    expect(findAddressProblem('用户@例子.中国')).toBeNull();
    expect(findAddressProblem('not-an-address')).toMatch(/no "@"/);
    expect(findAddressProblem('a@@example.com')).not.toBeNull();
    expect(findAddressProblem('dave@localhost')).toMatch(/domain/);
    expect(findAddressProblem('a b@example.com')).not.toBeNull();
    expect(findAddressProblem('.a@example.com')).not.toBeNull();
    expect(findAddressProblem('a@example.123')).not.toBeNull();
    expect(findAddressProblem(`${'x'.repeat(65)}@example.com`)).not.toBeNull();
  });

  it('normalises case and IDN domains so duplicates hash the same', () => {
    expect(parseAddress(' Alice@Example.COM ')).toEqual({ address: 'Alice@Example.COM', normalized: 'alice@example.com' });
    expect(parseAddress('用户@例子.中国')?.normalized).toBe('用户@xn--fsqu00a.xn--fiqs8s');
    expect(hashAddress('alice@example.com')).toBe(hashAddress(parseAddress('ALICE@example.com')!.normalized));
    expect(hashAddress('alice@example.com')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('masks every address in a reply', () => {
    expect(maskAddresses('550 5.1.1 <bob@example.org>: unknown; also carol@x.net')).toBe('550 5.1.1 <***@***>: unknown; also ***@***');
  });
});

describe('FingerprintSet', () => {
  it('counts distinct hashes across growth', () => {
    const set = new FingerprintSet(4);
    for (let i = 0; i < 5000; i++) expect(set.add(hashAddress(`user${i}@example.com`))).toBe(true);
    for (let i = 0; i < 5000; i += 7) expect(set.add(hashAddress(`user${i}@example.com`))).toBe(false);
    expect(set.size).toBe(5000);
    expect(set.add('0000000000000000ffff')).toBe(true);
    expect(set.add('0000000000000000eeee')).toBe(false);
  });
});

describe('recipients files', () => {
  it('reads CSV with an email and a name column, with line numbers', async () => {
    const records = await readAll('valid.csv');
    expect(records).toEqual([
      expect.objectContaining({ ok: true, line: 2, address: 'alice@example.com', name: 'Alice Example' }),
      expect.objectContaining({ ok: true, line: 3, address: 'bob@example.org', name: 'Bob, Jr.' }),
      expect.objectContaining({ ok: true, line: 4, address: 'carol@example.net', name: undefined }),
      expect.objectContaining({ ok: true, line: 5, address: 'ALICE@Example.com', normalized: 'alice@example.com' }),
    ]);
  });

  it('reads CSV separated by semicolons', async () => {
    const records = await readAll('semicolon.csv');
    expect(records.map((r) => (r.ok ? [r.address, r.name] : null))).toEqual([
      ['alice@example.com', 'Alice'],
      ['bob@example.org', 'Bob'],
    ]);
  });

  it('reads plain text, skipping comments and blank lines, reporting invalid lines by number', async () => {
    const records = await readAll('invalid-lines.txt');
    expect(records.map((r) => (r.ok ? `${r.line}:${r.normalized}${r.name ? ` (${r.name})` : ''}` : `${r.line}:invalid`))).toEqual([
      '2:alice@example.com',
      '4:invalid',
      '5:bob@example.org (Bob)',
      '6:invalid',
      '7:carol@example.net',
      '8:bob@example.org',
      '9:invalid',
    ]);
    const invalid = records.filter((r) => !r.ok);
    // A reason never repeats the address itself.
    for (const r of invalid) expect(r.ok ? '' : r.reason).not.toMatch(/example|localhost|not-an-address/);
  });

  it('reads JSON lines: objects, strings, and reports bad lines', async () => {
    const records = await readAll('list.jsonl');
    expect(records.map((r) => (r.ok ? `${r.line}:${r.address}` : `${r.line}:${r.reason}`))).toEqual([
      '1:alice@example.com',
      '2:bob@example.org',
      '3:no "email" string in the object',
      '4:not valid JSON',
      '5:carol@example.net',
    ]);
  });

  it('refuses a CSV file without an email column, naming what it found', async () => {
    const error = await readError('no-email-column.csv');
    expect(error.code).toBe('BAD_RECIPIENTS');
    expect(error.message).toBe('no-email-column.csv:1: no "email" column in the header (found: name, mail)');
  });

  it('refuses empty files, header-only files, binary files and non-UTF-8 files', async () => {
    expect((await readError('empty.txt')).message).toBe('empty.txt: the recipients file is empty');
    expect((await readError('header-only.csv')).message).toBe('header-only.csv: no recipients in the file');
    const binary = await readError('binary.txt');
    expect(binary.code).toBe('BAD_RECIPIENTS');
    expect(binary.message).toMatch(/^binary\.txt: binary file/);
    expect((await readError('latin1.txt')).message).toMatch(/^latin1\.txt: not valid UTF-8 text/);
    expect((await readError('missing.csv')).code).toBe('FILE_NOT_FOUND');
    expect((await readError('.', temp)).code).toBe('NOT_A_FILE');
  });

  it('tells the format from the first line when the extension says nothing', async () => {
    writeFileSync(join(temp, 'people'), 'email,name\nzoe@example.com,Zoe\n');
    writeFileSync(join(temp, 'people.list'), 'zoe@example.com\n');
    const csv: RecipientRecord[] = [];
    for await (const r of readRecipients(resolveRecipientsSource('people', temp, 'people'))) csv.push(r);
    expect(csv).toEqual([expect.objectContaining({ ok: true, line: 2, address: 'zoe@example.com', name: 'Zoe' })]);
  });

  it('streams a large file with CRLF line ends and a BOM', async () => {
    const lines = ['\uFEFFemail'];
    for (let i = 0; i < 20_000; i++) lines.push(`user${i}@example.com`);
    writeFileSync(join(temp, 'big.csv'), lines.join('\r\n') + '\r\n');
    let count = 0;
    let last: RecipientRecord | undefined;
    for await (const r of readRecipients(resolveRecipientsSource('big.csv', temp, 'big.csv'))) {
      count += 1;
      last = r;
    }
    expect(count).toBe(20_000);
    expect(last).toEqual(expect.objectContaining({ ok: true, line: 20_001, address: 'user19999@example.com' }));
  });

  it('reads addresses written in the configuration, numbering the entries', async () => {
    const records: RecipientRecord[] = [];
    for await (const r of readRecipients(resolveRecipientsSource(['Legal <legal@example.com>', 'nope'], temp, 'notify.minor'))) records.push(r);
    expect(records).toEqual([
      expect.objectContaining({ ok: true, line: 1, address: 'legal@example.com', name: 'Legal' }),
      expect.objectContaining({ ok: false, line: 2 }),
    ]);
    await expect(async () => {
      for await (const _ of readRecipients(resolveRecipientsSource([], temp, 'notify.minor'))) {
        // drain
      }
    }).rejects.toThrow('notify.minor: the list of recipients is empty');
  });
});
