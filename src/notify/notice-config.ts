/** What the configuration alone says about sending notices. Pure and light: publish loads it before the mail code. */
import type { Config } from '../config.js';

/**
 * Why the configuration alone means no notices of this level can be sent (no
 * sender, no recipients), or null.
 */
export function noticeConfigProblem(config: Config, level: 'major' | 'minor'): string | null {
  if (!config.notify.from) return 'notify.from is not configured';
  const configured = level === 'major' ? config.notify.major : config.notify.minor;
  if (configured === undefined || configured.length === 0) return `no recipients for ${level} notices (set notify.${level} in the configuration)`;
  return null;
}
