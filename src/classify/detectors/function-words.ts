/** Only pronouns, particles or other stop words added or dropped, no marker among them. */
import { isFunctionWordEdit, trivialEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `function-words`. */
export const functionWords: HunkDetector = {
  id: 'function-words',
  on: 'hunk',
  reads: 'words',
  levels: MINOR,
  why: 'Dropping or adding a pronoun or particle does not change a commitment.',
  applies: () => true,
  detect: ({ hunk }) => (isFunctionWordEdit(hunk.deleted, hunk.inserted) ? trivialEdit('function-words', hunk) : null),
};
