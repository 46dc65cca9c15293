/**
 * From notice content to one message per recipient. Every notice of a version
 * has the same body and almost the same headers, and MIME building is what
 * limits throughput, so the whole message except three headers (To,
 * Message-ID, Date) is encoded once per version by nodemailer's MIME encoder;
 * each recipient's message is those three header lines, encoded and folded by
 * the same encoder, in front of the shared bytes. Transports get it as a raw
 * message with its envelope, and DKIM (when configured) signs it as usual.
 */
import { sha256Hex } from '../hash.js';
import type { SendMailOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { PolicyError, MESSAGES } from '../errors.js';
import { findAddressProblem } from './address.js';
import type { NoticeContent } from './render-notice.js';

/** What every message of one version shares. */
export interface MessageTemplate {
  /** Envelope sender (MAIL FROM). */
  envelopeFrom: string;
  /** Shared header lines, the blank line and the multipart body, CRLF line ends. */
  shared: Buffer;
  /** Message-IDs are `<version.recipient-hash.policy@domain>`: the same for a re-sent notice, so receivers can tell. */
  messageIdPrefix: string;
  messageIdSuffix: string;
}

/** Settings of the sender (from `notify`). */
export interface SenderSettings {
  from: string;
  replyTo?: string;
  unsubscribeUrl?: string;
}

/** The address part of a configured sender, or a BAD_CONFIG error naming the key. */
export function parseSender(value: string, key: string): { name: string; address: string } {
  const parsed = addressparser(value, { flatten: true });
  const first = parsed[0];
  if (parsed.length !== 1 || !first || !first.address || findAddressProblem(first.address) !== null) {
    throw new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG('not a valid e-mail address (expected "Name <address>" or an address)', { subject: key }));
  }
  return { name: first.name, address: first.address };
}

// One encoder for every header: a MimeNode costs random bytes each time one is made.
const encoder = new MimeNode(false, { baseBoundary: 'policy' });

/** One header line, encoded and folded exactly as nodemailer does for its own messages. */
function headerLine(key: string, value: Parameters<MimeNode['encodeHeaderValue']>[1]): string {
  return `${foldLines(`${key}: ${encoder.encodeHeaderValue(key, value)}`, 76)}\r\n`;
}

async function buildPart(contentType: string, content: string): Promise<Buffer> {
  // A child node encodes only its own headers (Content-Type, Content-Transfer-Encoding) and body.
  const part = new MimeNode('multipart/alternative').createChild(contentType);
  part.setContent(content.replace(/\r?\n/g, '\r\n'));
  return part.build();
}

/** Checks an unsubscribe URL (http, https or mailto) and returns it in its ASCII form. */
function parseUnsubscribeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG(`notify.unsubscribeUrl: not a URL: ${JSON.stringify(value)}`), { cause: error });
  }
  if (!['https:', 'http:', 'mailto:'].includes(url.protocol)) {
    throw new PolicyError('BAD_CONFIG', MESSAGES.BAD_CONFIG(`notify.unsubscribeUrl: expected an https, http or mailto URL, found ${JSON.stringify(value)}`));
  }
  return url.href;
}

/** Encodes the parts and the shared headers of a version's notices, once. */
export async function renderMessageTemplate(
  content: NoticeContent,
  sender: SenderSettings,
  notice: { policyId: string; version: string },
): Promise<MessageTemplate> {
  const from = parseSender(sender.from, 'notify.from');
  if (sender.replyTo !== undefined) parseSender(sender.replyTo, 'notify.replyTo');
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1).toLowerCase();
  const policyToken = /^[A-Za-z0-9._-]+$/.test(notice.policyId)
    ? notice.policyId
    : sha256Hex(notice.policyId).slice(0, 12);
  const [textPart, htmlPart] = await Promise.all([
    buildPart('text/plain; charset=utf-8', content.text),
    buildPart('text/html; charset=utf-8', content.html),
  ]);
  // The parts are quoted-printable or base64, so a boundary made of a hash cannot occur in them.
  const boundary = `--_policy-notice-${sha256Hex(textPart, htmlPart).slice(0, 24)}`;
  let headers =
    headerLine('From', sender.from) +
    (sender.replyTo !== undefined ? headerLine('Reply-To', sender.replyTo) : '') +
    headerLine('Subject', content.subject);
  if (sender.unsubscribeUrl !== undefined) {
    const url = parseUnsubscribeUrl(sender.unsubscribeUrl);
    headers += headerLine('List-Unsubscribe', `<${url}>`);
    // RFC 8058 one-click unsubscribe needs an https URL that accepts a POST.
    if (url.startsWith('https:')) headers += headerLine('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click');
  }
  headers += 'MIME-Version: 1.0\r\n' + headerLine('Content-Type', `multipart/alternative; boundary="${boundary}"`) + '\r\n';
  const shared = Buffer.concat([
    Buffer.from(`${headers}--${boundary}\r\n`),
    textPart,
    Buffer.from(`\r\n--${boundary}\r\n`),
    htmlPart,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { envelopeFrom: from.address, shared, messageIdPrefix: `${notice.version}.`, messageIdSuffix: `.${policyToken}@${domain}` };
}

/** The Message-ID of the notice to one recipient (by address hash). */
export function renderMessageId(template: MessageTemplate, hash: string): string {
  return `<${template.messageIdPrefix}${hash.slice(0, 32)}${template.messageIdSuffix}>`;
}

/** A recipient of one message. */
export interface MessageRecipient {
  address: string;
  name?: string | undefined;
  hash: string;
}

/** The raw message to one recipient, alone in `To:`, with its envelope, as nodemailer options. */
export function renderMailOptions(template: MessageTemplate, recipient: MessageRecipient, date: Date): SendMailOptions {
  const messageId = renderMessageId(template, recipient.hash);
  const own =
    headerLine('To', recipient.name ? { name: recipient.name, address: recipient.address } : recipient.address) +
    headerLine('Message-ID', messageId) +
    headerLine('Date', date);
  return {
    envelope: { from: template.envelopeFrom, to: [recipient.address] },
    raw: Buffer.concat([Buffer.from(own), template.shared]),
    // Not written (the raw message has it); spares nodemailer generating one of its own.
    messageId,
    // A raw message has no parts to separate; a fixed base spares a random one per message.
    baseBoundary: 'policy',
  };
}
