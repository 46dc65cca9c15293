/** English wording of notices. */
import { formatDate } from '../../format-date.js';
import type { NoticeTemplate } from './types.js';

/** English wording of notices. */
export const en: NoticeTemplate = {
  htmlLang: 'en',
  formatDate: (isoDate) => formatDate(isoDate, 'en'),
  subject: (f) => (f.level === 'major' ? `Important: major changes to our ${f.title} (version ${f.version})` : `Our ${f.title} has been updated (version ${f.version})`),
  heading: (f) => (f.level === 'major' ? `Major changes to our ${f.title}` : `Our ${f.title} has been updated`),
  banner: 'Important: this update includes major changes that may affect your rights. Please read it carefully.',
  intro: (f) =>
    `We have updated our ${f.title}. The new version ${f.version} (previously ${f.previousVersion}) was published on ${f.date} and takes effect on ${f.effective}.`,
  majorLead: 'The following changes are major changes as defined in the policy:',
  changesLead: (f) => (f.level === 'major' ? 'This update has been classified as a major change:' : 'This update makes minor changes:'),
  otherMajor: 'Other major changes',
  sectionLabel: 'Section: ',
  before: 'Before: ',
  after: 'After: ',
  kind: { added: 'Added', removed: 'Removed', modified: 'Changed', moved: 'Moved' },
  otherChanges: (n) => `There ${n === 1 ? 'is 1 other, smaller change' : `are ${n} other, smaller changes`}; see the changes page.`,
  omitted: (n) => `${n} more ${n === 1 ? 'change is' : 'changes are'} not listed here; see the changes page.`,
  readVersion: 'Read the new version: ',
  readChanges: 'See every change: ',
  noSite: 'The new version is available on our website.',
  unsubscribe: 'To stop receiving these notices, unsubscribe here: ',
  changeNoteHeading: 'About this change',
};
