/** A policy file's text → Policy. Pure: no file system, no clock. */
import { sha256Hex } from '../hash.js';
import { basename, dirname } from 'node:path';
import { PolicyError, MESSAGES } from '../errors.js';
import type { Block, Lang, Policy, Trigger, TriggerSource } from '../types.js';
import { parseBlocks } from './blocks.js';
import { decodePolicyBytes } from './decode.js';
import { DEFAULT_TRIGGERS, defaultListWarning } from './default-triggers.js';
import { parseFrontMatter } from './front-matter.js';
import { parseLastUpdated } from './last-updated.js';
import { hasCjk } from './text.js';
import { parseTriggerList } from './triggers.js';

export interface PolicySource {
  /** The file's text as decoded. */
  source: string;
  /** Where it came from (shown in messages and reports). */
  path: string;
  /** The policy id (see policyIdFromPath). */
  id: string;
  /** SHA-256 hex of the file's bytes. */
  sha256: string;
}

const VERSION_FILE = /^\d+(\.\d+)*\.md$/;

/**
 * The policy id for a path: the file name without `.md`; for an archived version
 * (`archive/<id>/<version>.md`) the folder name.
 */
export function policyIdFromPath(path: string): string {
  const name = basename(path);
  if (VERSION_FILE.test(name)) {
    const folder = basename(dirname(path));
    if (folder && folder !== '.' && folder !== '/') return folder;
  }
  return name.replace(/\.(md|markdown)$/i, '');
}

function detectLang(declared: unknown, text: string): Lang {
  if (typeof declared === 'string') {
    const lower = declared.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return hasCjk(text.slice(0, 20_000)) ? 'zh' : 'en';
}

function frontMatterTriggers(value: unknown, path: string): Trigger[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    throw new PolicyError('BAD_FRONT_MATTER', MESSAGES.BAD_FRONT_MATTER('majorChangeTriggers must be a non-empty list of strings', { file: path }));
  }
  return value.map((text: string, i) => ({ index: i + 1, text: text.trim(), line: 0, blockIndex: -1 }));
}

/** Parses a policy from its text. Throws PolicyError for invalid front matter. */
export function parsePolicy(input: PolicySource): Policy {
  const { source, path, id, sha256 } = input;
  const frontMatter = parseFrontMatter(source, path);
  const data = frontMatter.data;
  let blocks: Block[];
  try {
    blocks = parseBlocks(frontMatter.body, frontMatter.bodyLineOffset);
  } catch (error) {
    if (error instanceof PolicyError && error.code === 'TOO_DEEP') throw new PolicyError('TOO_DEEP', MESSAGES.TOO_DEEP(error.details.problem, { ...error.details, file: path }));
    throw error;
  }
  const firstHeading = blocks.find((block) => block.kind === 'heading');
  const title = typeof data.title === 'string' && data.title.trim() !== '' ? data.title.trim() : (firstHeading?.text ?? id);
  const lang = detectLang(data.lang, frontMatter.body);
  const warnings: string[] = [];

  let triggers: Trigger[];
  let triggerSource: TriggerSource;
  let triggerBlocks: [number, number] | null = null;
  const declared = frontMatterTriggers(data.majorChangeTriggers, path);
  const detected = parseTriggerList(blocks, source.split('\n'));
  if (declared) {
    triggers = declared;
    triggerSource = 'front-matter';
    triggerBlocks = detected?.range ?? null;
  } else if (detected) {
    triggers = detected.triggers;
    triggerSource = 'policy';
    triggerBlocks = detected.range;
  } else {
    triggers = DEFAULT_TRIGGERS[lang].map((text, i) => ({ index: i + 1, text, line: 0, blockIndex: -1 }));
    triggerSource = 'default';
    warnings.push(defaultListWarning(path));
  }

  return {
    id,
    path,
    title,
    lang,
    type: typeof data.type === 'string' ? data.type : null,
    frontMatter: data,
    frontMatterLines: Object.fromEntries(Object.entries(frontMatter.keys).map(([key, at]) => [key, at.line])),
    source,
    sha256,
    blocks,
    lastUpdated: parseLastUpdated(source, frontMatter.bodyOffset),
    triggers,
    triggerSource,
    triggerBlocks,
    warnings,
  };
}

/** Decodes and parses a policy file's bytes, refusing empty, binary, non-UTF-8 and oversized files. */
export function parsePolicyBytes(bytes: Uint8Array, path: string, id: string = policyIdFromPath(path)): Policy {
  const source = decodePolicyBytes(bytes, path);
  return parsePolicy({ source, path, id, sha256: sha256Hex(bytes) });
}
