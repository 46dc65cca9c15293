/** A changed front-matter key: minor, unless it is the trigger list (`majorChangeTriggers`), compared item by item. */
import { analyzeFrontMatter } from '../front-matter.js';
import { MINOR, type ChangeDetector } from './types.js';

/** Detector `front-matter`. */
export const frontMatter: ChangeDetector = {
  id: 'front-matter',
  on: 'change',
  reads: 'front-matter',
  levels: MINOR,
  why: 'Front-matter keys (title, layout …) label the document; they promise nothing. A trigger list kept there is read item by item (`trigger-*`).',
  applies: (c) => (c.newBlock ?? c.oldBlock)?.kind === 'frontMatter',
  detect: (c, ctx) => analyzeFrontMatter(c, ctx.old, ctx.neu, { analyze: ctx.analyzeEdit, isSubstantive: ctx.isSubstantive }),
};
