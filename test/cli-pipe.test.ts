/**
 * A reader that stops early (`policy diff … | head`) closes the pipe under a
 * command that is still writing. The command must neither crash with an
 * internal error nor change its verdict: it drops the unread output and ends
 * with the status it would have had.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, spawnPolicy } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policy(version: string, word: string): string {
  const paragraphs = Array.from({ length: 800 }, (_, i) => `Paragraph ${i}: we keep ${word} records for the purposes listed in this section.`);
  return `---\ntitle: Pipe test\nversion: "${version}"\nlang: en\n---\n# Pipe test\n\n${paragraphs.join('\n\n')}\n`;
}

/** Runs the built CLI, reads its first chunk of stdout and then closes the pipe. */
function runAndCloseEarly(argv: string[]): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describe('output to a pipe that closes early', () => {
  writeFileSync(join(dir, 'a.md'), policy('1.0', 'billing'));
  writeFileSync(join(dir, 'b.md'), policy('1.1', 'invoicing'));

  it.each([['text'], ['json']])('diff --format %s ends with its own status and no error', async (format) => {
    const full = spawnPolicy(['diff', 'a.md', 'b.md', '--format', format], { cwd: dir });
    expect(full.stdout.length).toBeGreaterThan(200_000); // far more than a pipe holds
    const cut = await runAndCloseEarly(['diff', 'a.md', 'b.md', '--format', format]);
    expect(cut.read).toBeGreaterThan(0);
    expect(cut.stderr).toBe(full.stderr);
    expect(cut.code).toBe(full.code);
  });
});
