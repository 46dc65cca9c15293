/**
 * Reads the policy versions named on the command line: files, or archive
 * references `<id>@<version|date|latest>`.
 */
import { readArgumentKind, readReference } from '../../archive/reference.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { decodePolicyBytes } from '../../policy/decode.js';
import { sha256Hex } from '../../hash.js';
import { parsePolicy, policyIdFromPath, type PolicySource } from '../../policy/parse-policy.js';
import { readPolicyFile } from '../../policy/read-policy.js';
import type { Policy } from '../../types.js';

/** Reads and decodes the version an argument names, without parsing it. */
export async function readPolicySource(argument: string, ctx: Context): Promise<PolicySource> {
  if ((await readArgumentKind(argument, ctx)) === 'file') {
    const bytes = await readPolicyFile(argument, ctx);
    return { source: decodePolicyBytes(bytes, argument), path: argument, id: policyIdFromPath(argument), sha256: sha256Hex(bytes) };
  }
  const { config } = await readConfig(ctx);
  const archived = await readReference(argument, ctx, config);
  return { source: decodePolicyBytes(archived.bytes, archived.path), path: archived.path, id: archived.index.id, sha256: archived.entry.sha256 };
}

/**
 * Reads and parses the versions the arguments name, in order, in this thread:
 * sections two versions share are parsed once (the memo in blocks.ts). A
 * second thread for large policies was measured slower on two cores and dropped.
 */
export async function readPolicyVersions(argumentsList: readonly string[], ctx: Context): Promise<Policy[]> {
  const sources: PolicySource[] = [];
  for (const argument of argumentsList) sources.push(await readPolicySource(argument, ctx));
  return sources.map((source) => parsePolicy(source));
}
