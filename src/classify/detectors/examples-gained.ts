/** Items added to a list of examples (例如 …、…; such as …) that restate what the section names. */
import { inExamples, makeSignal } from '../signals.js';
import { MINOR, type EditHunkDetector } from './types.js';

/** Detector `examples-gained`. */
export const examplesGained: EditHunkDetector = {
  id: 'examples-gained',
  on: 'edit',
  step: 'substance',
  eachHunk: true,
  reads: 'lists',
  levels: MINOR,
  why: 'An example that restates an existing category does not change a commitment.',
  applies: (h) => h.enumeration !== null && h.enumeration.removed.length === 0,
  detect: (h, e) => {
    const en = h.enumeration!;
    return inExamples(en.sentence, en.added, `${e.a}\n${e.sectionText}`) ? [makeSignal('example', { id: 'examples-gained', sentence: en.sentence, added: en.added })] : [];
  },
};
