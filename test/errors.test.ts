/**
 * The error catalogue: each code a function that words the message from the
 * facts and returns them as details (file and line where they exist); `check`
 * shows the details, never a message taken apart; every exit status has a name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, EXIT, MESSAGES, PolicyError } from '../src/errors.js';
import { problemOf } from '../src/check/read-sources.js';
import { parsePolicyBytes } from '../src/policy/parse-policy.js';
import { ROOT } from './archive-helpers.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the catalogue', () => {
  it('has a message function and an exit status for every code, and nothing else', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(ERRORS).sort());
    for (const [code, status] of Object.entries(ERRORS)) expect(Object.values(EXIT), code).toContain(status);
  });

  it('words the message from the facts and keeps them, file and line included', () => {
    expect(MESSAGES.BAD_FRONT_MATTER('invalid YAML at line 3', { file: 'p.md', line: 3 })).toEqual({
      message: 'p.md: invalid YAML at line 3',
      details: { problem: 'invalid YAML at line 3', file: 'p.md', line: 3 },
    });
    expect(MESSAGES.UNFINISHED_POLICY('p.md', 12, '[[TODO: name]]', '[[TODO:')).toEqual({
      message: 'p.md:12: the policy still has a placeholder to fill in: [[TODO: name]] (replace every [[TODO: …]] first)',
      details: { problem: 'the policy still has a placeholder to fill in: [[TODO: name]] (replace every [[TODO: …]] first)', file: 'p.md', line: 12, marker: '[[TODO: name]]' },
    });
    expect(MESSAGES.FILE_TOO_LARGE('big.md', 11 * 1024 * 1024, 10 * 1024 * 1024).message).toBe('big.md: file is 11.0 MB, over the 10 MB limit for a policy');
    expect(MESSAGES.USAGE('expected a port number', { subject: '--port' })).toEqual({ message: '--port: expected a port number', details: { problem: 'expected a port number', subject: '--port' } });
    expect(MESSAGES.USAGE('no place at all')).toEqual({ message: 'no place at all', details: { problem: 'no place at all' } });
  });

  it('a PolicyError made from an entry carries its details, its cause and its exit status', () => {
    const cause = new Error('underneath');
    const error = new PolicyError('NOT_UTF8', MESSAGES.NOT_UTF8('p.md', ' (it looks like GBK)'), { cause });
    expect(error.message).toBe('p.md: not valid UTF-8 (it looks like GBK)');
    expect(error.details).toEqual({ problem: 'not valid UTF-8 (it looks like GBK)', file: 'p.md' });
    expect(error.cause).toBe(cause);
    expect(error.exitCode).toBe(EXIT.usage);
  });

  it('errors from parsing a policy name the file and line in their details', () => {
    const caught = (run: () => unknown): PolicyError => {
      try {
        run();
      } catch (error) {
        if (error instanceof PolicyError) return error;
        throw error;
      }
      throw new Error('expected a PolicyError');
    };
    const yaml = caught(() => parsePolicyBytes(Buffer.from('---\ntitle: [unclosed\n---\n# T\n'), 'p.md'));
    expect(yaml.details).toMatchObject({ file: 'p.md', line: expect.any(Number) });
    expect(yaml.message).toBe(`p.md: ${yaml.details.problem}`);
    const empty = caught(() => parsePolicyBytes(Buffer.from(''), 'e.md'));
    expect(empty.details).toEqual({ problem: 'file is empty', file: 'e.md' });
  });
});

describe('check reads details, never the message', () => {
  it('shows the problem and line of the details, even when the message says something else', () => {
    const error = new PolicyError('BAD_FRONT_MATTER', { message: 'some/other/path.md: worded differently', details: { problem: 'the problem itself', file: 'p.md', line: 7 } });
    expect(problemOf(error)).toEqual({ line: 7, message: 'the problem itself' });
    expect(problemOf(new PolicyError('EMPTY_FILE', MESSAGES.EMPTY_FILE('p.md')))).toEqual({ line: 1, message: 'file is empty' });
  });

  it('no module of src/check takes a message apart (no string method called on a .message)', () => {
    const offenders = sourceFiles(join(ROOT, 'src/check')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file.slice(ROOT.length)}:${i + 1}` }))
        .filter(({ line }) => /\.message\)?\s*\.\s*(replace|slice|startsWith|endsWith|split|match|substring|indexOf)\b|\.(exec|test)\([^)]*\.message\b/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});

describe('exit statuses', () => {
  it('every exit status in the command line is a name from EXIT, never a bare number', () => {
    const bare = sourceFiles(join(ROOT, 'src/cli')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file.slice(ROOT.length)}:${i + 1}` }))
        .filter(({ line }) => /\breturn\s+\d+\s*;|setExitCode\(\s*\d|exitCode\s*=\s*\d|process\.exit\(/.test(line))
        .map(({ at }) => at),
    );
    expect(bare).toEqual([]);
    expect(EXIT.internal).toBe(70);
  });
});
