/** Whitespace added, removed or changed: invisible to a reader. */
import { trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `whitespace`. */
export const whitespace: HunkDetector = {
  id: 'whitespace',
  on: 'hunk',
  reads: 'words',
  levels: MINOR,
  why: 'Whitespace is invisible to a reader.',
  applies: () => true,
  detect: ({ hunk }) => (hunk.deleted.replace(/\s+/g, '') === hunk.inserted.replace(/\s+/g, '') ? trivialEdit('whitespace', hunk) : null),
};
