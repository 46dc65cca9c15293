/** The one SHA-256 helper: archive hashes, policy hashes, site manifests and message ids all use it. */
import { createHash } from 'node:crypto';

/** SHA-256 of bytes or UTF-8 text (or of several parts in order), as lowercase hex. Pure. */
export function sha256Hex(...parts: (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
