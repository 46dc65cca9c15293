/** The `--format json` shape of `policy check`. */
import type { CheckedPolicy, CheckResult } from '../../check/types.js';
import type { Lang } from '../../types.js';
import { renderRevisionJson, type RevisionJson } from '../../revision-json.js';

/** A compared policy: the `policy diff` JSON, with the file checked and `status: "compared"`. */
export type ComparedPolicyJson = { file: string; status: 'compared' } & RevisionJson;

/**
 * A policy deleted from the working tree: `old` is where it still exists (the
 * base ref, or its latest archived version), `new` is null. Its failure is in
 * `failures`.
 */
export interface DeletedPolicyJson {
  file: string;
  status: 'deleted';
  note: string;
  policy: { id: string; title: string | null; lang: Lang | null };
  old: { path: string; lastUpdated: string | null; sha256: string | null };
  new: null;
  level: null;
  triggers: never[];
  changes: never[];
  warnings: string[];
}

/** A policy with nothing to compare with: `old` is null and `level` is `initial`, as its first archived version would be. */
export interface NewPolicyJson {
  file: string;
  status: 'new';
  note: string;
  policy: { id: string; title: string; lang: Lang };
  old: null;
  new: { path: string; lastUpdated: string | null; sha256: string };
  level: 'initial';
  triggers: never[];
  triggerSource: string;
  changes: never[];
  warnings: string[];
}

export interface CheckJson {
  ok: boolean;
  failures: { file: string; line: number; message: string }[];
  policies: (ComparedPolicyJson | NewPolicyJson | DeletedPolicyJson)[];
}

function policyJson(policy: CheckedPolicy): ComparedPolicyJson | NewPolicyJson | DeletedPolicyJson {
  if (policy.status === 'compared') return { file: policy.file, status: 'compared', ...renderRevisionJson(policy.revision) };
  if (policy.status === 'deleted') {
    const { base } = policy;
    return {
      file: policy.file,
      status: 'deleted',
      note: policy.note,
      policy: { id: policy.id, title: base.title, lang: base.lang },
      old: { path: base.path, lastUpdated: base.lastUpdated, sha256: base.sha256 },
      new: null,
      level: null,
      triggers: [],
      changes: [],
      warnings: [],
    };
  }
  const { head } = policy;
  return {
    file: policy.file,
    status: 'new',
    note: policy.note,
    policy: { id: head.id, title: head.title, lang: head.lang },
    old: null,
    new: { path: head.path, lastUpdated: head.lastUpdated?.date ?? null, sha256: head.sha256 },
    level: 'initial',
    triggers: [],
    triggerSource: head.triggerSource,
    changes: [],
    warnings: head.warnings,
  };
}

/** Renders a check result as `{ok, failures, policies}`. Pure. */
export function renderCheckJson(result: CheckResult): CheckJson {
  return {
    ok: result.ok,
    failures: result.failures.map(({ file, line, message }) => ({ file, line, message })),
    policies: result.policies.map(policyJson),
  };
}
