/**
 * Turns a policy file's bytes into text, refusing what is not a UTF-8 text file
 * with a message that says what was found.
 */
import { MESSAGES, PolicyError } from '../errors.js';

/** Files larger than this are refused: policies are documents, not data dumps. */
export const MAX_POLICY_BYTES = 10 * 1024 * 1024;

function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a policy file's bytes as UTF-8 text, or throws a PolicyError naming the file and the problem. */
export function decodePolicyBytes(bytes: Uint8Array, path: string): string {
  if (bytes.byteLength > MAX_POLICY_BYTES) {
    throw new PolicyError('FILE_TOO_LARGE', MESSAGES.FILE_TOO_LARGE(path, bytes.byteLength, MAX_POLICY_BYTES));
  }
  if (bytes.byteLength === 0) throw new PolicyError('EMPTY_FILE', MESSAGES.EMPTY_FILE(path));
  if (bytes.includes(0)) {
    throw new PolicyError('BINARY_FILE', MESSAGES.BINARY_FILE(path, 'a Markdown text file'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    const hint = looksLikeGbk(bytes)
      ? ' (it looks like GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`)'
      : '';
    throw new PolicyError('NOT_UTF8', MESSAGES.NOT_UTF8(path, hint), { cause: error });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new PolicyError('EMPTY_FILE', MESSAGES.EMPTY_FILE(path, 'file has no content'));
  return text;
}
