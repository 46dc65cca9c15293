/**
 * Link targets that changed while the text stayed: an e-mail or phone link is a channel (`channel-changed`),
 * a link whose words name a request form or a way to contact us is one too (`channel-link`), any other is
 * a re-pointed link. Its findings take the level of the entry they name.
 */
import { linkSignals } from '../signals.js';
import { MINOR, type EditDetector } from './types.js';

/** Detector `link-target`. */
export const linkTarget: EditDetector = {
  id: 'link-target',
  on: 'edit',
  step: 'links',
  reads: 'links',
  levels: MINOR,
  why: 'A re-pointed link is not a commitment; a changed channel behind it is read as one.',
  applies: (e) => e.before.urls.length + e.after.urls.length > 0,
  detect: (e) => linkSignals(e.before, e.after, e.links),
};
