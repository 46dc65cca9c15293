/** An edit inside a date ("last updated"). */
import { trivialEdit, withinEntity } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `date`. */
export const date: HunkDetector = {
  id: 'date',
  on: 'hunk',
  reads: 'entities',
  levels: MINOR,
  why: 'A changed date ("last updated") alone is not a commitment.',
  applies: () => true,
  detect: ({ hunk, ctx }) => {
    const d = withinEntity(hunk, ctx, 'date');
    return d ? trivialEdit('date', hunk, d[0], d[1]) : null;
  },
};
