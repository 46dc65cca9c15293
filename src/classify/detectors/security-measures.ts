/**
 * A description of security measures rewritten (encryption, access control, audits, certificates) in a
 * section about security: it says how data is protected, not what is collected, for what, for whom or
 * how long, so it touches no trigger of a list that has no item about security measures of its own.
 * Read only where nothing a trigger covers came or went: no organisation, period, place, address or
 * contact (figures such as TLS 1.2 or ISO 27001 aside), no commitment term of the purposes, sharing,
 * controller or contact families, and no negation (a measure dropped: "we no longer encrypt").
 */
import { familyOf, findConcepts, isStrong } from '../concepts.js';
import { committalMarkers } from '../markers.js';
import { makeSignal } from '../signals.js';
import { sentencesTouched } from './recast.js';
import { MINOR, type EditDetector } from './types.js';

/** A heading that says the section is about protecting data. */
const SECURITY_HEADING = /\b(?:security|secure|protect(?:s|ing|ion)?|safeguard(?:s|ing)?)\b|安全|保护/iu;
/** Families whose commitment terms a description of measures must not bring in or take out. */
const GUARDED_FAMILIES = new Set(['processing', 'sharing', 'controller', 'contact', 'assessment']);

/** Commitment terms of the guarded families in a text, by concept id. */
function guardedConcepts(text: string): Set<string> {
  return new Set(findConcepts(text).filter((h) => !h.weak && isStrong(h.concept) && GUARDED_FAMILIES.has(familyOf(h.concept) ?? '')).map((h) => h.concept));
}

/** Words that name a security measure or its purpose. */
const SECURITY_WORDS = /encrypt|\b(?:TLS|SSL|AES|MFA|2FA|SSO|SOC ?2|ISO(?:\/IEC)? ?27001)\b|access control|audit|penetration test|firewall|confidential|pseudonymi|two-factor|multi-factor|single sign-on|protect|safeguard|secur|加密|访问控制|权限管理|审计|防火墙|去标识化|保密|安全|保护/iu;
const negations = (text: string): number => committalMarkers(text).filter((m) => m.classes.includes('negation')).length;

/** Detector `security-measures`. */
export const securityMeasures: EditDetector = {
  id: 'security-measures',
  on: 'edit',
  step: 'whole',
  alone: true,
  reads: 'concepts',
  levels: MINOR,
  why: 'How data is protected (encryption, access control, audits, certificates) is not what is collected, shared or kept: rewriting that description changes no trigger of a list without an item about security measures.',
  applies: (e) => e.substantive.length > 0 && [...e.before.section, ...e.after.section].some((heading) => SECURITY_HEADING.test(heading)),
  detect: (e) => {
    if (!SECURITY_WORDS.test(e.a) || !SECURITY_WORDS.test(e.b)) return [];
    if (e.entityDeltas.some((d) => d.type !== 'number')) return [];
    if (negations(e.a) !== negations(e.b)) return [];
    const before = guardedConcepts(e.a);
    const after = guardedConcepts(e.b);
    if ([...after].some((c) => !before.has(c)) || [...before].some((c) => !after.has(c))) return [];
    return [makeSignal('rewording', { id: 'security-measures', ...sentencesTouched(e) })];
  },
};
