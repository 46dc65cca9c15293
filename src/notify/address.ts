/**
 * E-mail addresses of recipients: validation, the normal form used to spot
 * duplicates, the hash the ledger keeps instead of the address, and masking
 * of addresses in anything that could end up in a log. Pure.
 */
import { hash } from 'node:crypto';
import { domainToASCII } from 'node:url';

/** A recipient address that passed validation. */
export interface ParsedAddress {
  /** The address as given, trimmed (what goes into `To:`). */
  address: string;
  /** Lower case, NFC, domain in punycode: equal for addresses that reach the same mailbox as far as we can tell. */
  normalized: string;
}

// RFC 5322 dot-atom for the local part, with letters of any script allowed (RFC 6531).
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Validates and normalises an address in one pass: the parsed address, or why it is not usable. */
export function checkAddress(text: string): ParsedAddress | { problem: string } {
  const address = text.trim();
  if (address === '') return { problem: 'the address is empty' };
  if (address.length > 254) return { problem: 'the address is longer than 254 characters' };
  const at = address.lastIndexOf('@');
  if (at < 0) return { problem: 'it has no "@"' };
  const local = address.slice(0, at);
  if (local === '' || local.length > 64 || !LOCAL_PART.test(local)) return { problem: 'the part before "@" is not valid' };
  const domain = address.slice(at + 1);
  // Plain ASCII domains (nearly all) skip the IDN mapping.
  const ascii = /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : domainToASCII(domain.normalize('NFC'));
  if (ascii === '' || ascii.length > 253) return { problem: 'the domain is not valid' };
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => ASCII_LABEL.test(label))) return { problem: 'the domain is not valid' };
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return { problem: 'the domain is not valid' };
  return { address, normalized: `${local.normalize('NFC').toLowerCase()}@${ascii}` };
}

/** Why `text` is not a usable address, or null when it is. */
export function findAddressProblem(text: string): string | null {
  const checked = checkAddress(text);
  return 'problem' in checked ? checked.problem : null;
}

/** Validates and normalises an address; null when it is not valid. */
export function parseAddress(text: string): ParsedAddress | null {
  const checked = checkAddress(text);
  return 'problem' in checked ? null : checked;
}

/** SHA-256 hex of a normalised address: what the ledger stores instead of the address. */
export function hashAddress(normalized: string): string {
  // One-shot hashing: a million createHash() objects leave native memory behind until the GC finds them.
  return hash('sha256', normalized, 'hex');
}

const ANY_ADDRESS = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/gu;

/** Replaces every e-mail address in `text` (an SMTP reply, an error message) with `***@***`. */
export function maskAddresses(text: string): string {
  return text.replace(ANY_ADDRESS, '***@***');
}

/** A display name safe for a header: control characters and line breaks become spaces, at most 200 characters. */
export function cleanDisplayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029\s]+/gu, ' ').trim().slice(0, 200);
}
