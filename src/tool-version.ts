/** The tool's own version, for `--version` and for the records publish writes. */
declare const POLICY_VERSION: string | undefined;

/** The tool's own version (injected at build time; `0.0.0-dev` when run from source). */
export const TOOL_VERSION: string = typeof POLICY_VERSION === 'string' ? POLICY_VERSION : '0.0.0-dev';
