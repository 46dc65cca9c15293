/** A misspelt word fixed (搜集 → 收集, recieve → receive), meaning unchanged. */
import { typoEdit } from '../trivial.js';
import { MINOR, type HunkDetector } from './types.js';

/** Detector `typo`. */
export const typo: HunkDetector = {
  id: 'typo',
  on: 'hunk',
  reads: 'words',
  levels: MINOR,
  why: 'A fixed typo does not change a commitment.',
  applies: () => true,
  detect: ({ hunk, ctx }) => typoEdit(hunk, ctx),
};
