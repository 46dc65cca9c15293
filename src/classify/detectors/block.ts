/**
 * A paragraph, list item or table row added or removed whole. The channels and parties it names
 * (e-mail, phone, organisation) are findings of their own (`channel-changed`, `term-changed`).
 */
import { compareEntities, entitiesOfUrls, extractEntities } from '../entities.js';
import { conceptsIn, entitySignal, makeSignal } from '../signals.js';
import { MAJOR_WHERE_GOVERNED, type BlockDetector } from './types.js';

/** Detector `block`. */
export const block: BlockDetector = {
  id: 'block',
  on: 'block',
  alone: true,
  reads: 'whole-change',
  levels: MAJOR_WHERE_GOVERNED,
  why: 'A paragraph, list item or table row was added to or removed from a governed section.',
  applies: () => true,
  detect: ({ block: b, kind, text }) => {
    const ents = extractEntities(text).concat(entitiesOfUrls(b.urls).filter((e) => e.type !== 'url'));
    const named = compareEntities(kind === 'removed' ? ents : [], kind === 'added' ? ents : [])
      .filter((d) => d.type === 'email' || d.type === 'phone' || d.type === 'organization')
      .map(entitySignal);
    const what = b.kind === 'listItem' || b.kind === 'tableRow' ? b.kind : 'paragraph';
    return [makeSignal('block', { id: 'block', change: kind, what, text }, conceptsIn(text)), ...named];
  },
};
