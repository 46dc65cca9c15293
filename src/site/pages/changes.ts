/** `/<id>/<version>/changes/`: the redline of a version against the one before it, each change with its verdict. */
import type { Element, Root } from 'hast';
import { renderReasons } from '../../classify/messages/index.js';
import { splitNoteParagraphs } from '../../policy/change-note.js';
import type { ArchivedVersion, ClassifiedChange, Lang, Revision, Trigger } from '../../types.js';
import { h, type Child } from '../h.js';
import { messagesFor, type Messages } from '../i18n.js';
import { renderBadge, renderDate, renderLayout } from '../layout.js';
import { relativeHref, sitePaths } from '../paths.js';
import { displaySummary } from '../../publish/summary.js';
import { defaultListWarning } from '../../policy/default-triggers.js';

/** Everything a changes page shows besides the revision itself. */
export interface ChangesPageModel {
  lang: Lang;
  title: string;
  id: string;
  entry: ArchivedVersion;
  /** The version compared against (null for the first version). */
  previous: ArchivedVersion | null;
  baseUrl: string | null;
  /** The owners' note on this revision (from the record), shown before the automatic list. */
  changeNote?: string | null;
}

/** The parts of a Revision the page shows (the policies themselves are not needed). */
export type RevisionSummary = Pick<Revision, 'level' | 'triggers' | 'changes' | 'warnings'> & {
  old: Pick<Revision['old'], 'triggers'>;
};

function triggerText(triggers: readonly Trigger[], index: number): string | null {
  return triggers.find((trigger) => trigger.index === index)?.text ?? null;
}

/** A trigger of the policy's own list, quoted. Pure. */
export function renderTriggerQuote(index: number, text: string | null, messages: Messages): Element {
  return h(
    'div',
    { className: ['trigger'], dataTrigger: String(index) },
    h('p', {}, h('strong', {}, messages.triggerLabel(index)), text !== null ? [' ', h('q', {}, text)] : null),
  );
}

function renderRedline(change: ClassifiedChange, messages: Messages): Element {
  const marked = (tag: 'ins' | 'del', value: string): Element =>
    h(tag, {}, h('span', { className: ['sr-only'] }, tag === 'ins' ? messages.inserted : messages.deleted), value);
  if (change.inline.length > 0) {
    return h(
      'p',
      { className: ['redline'] },
      change.inline.map((part) => (part.op === 'equal' ? part.text : marked(part.op === 'insert' ? 'ins' : 'del', part.text))),
    );
  }
  if (change.kind === 'added') return h('p', { className: ['redline'] }, marked('ins', change.newBlock?.text ?? ''));
  if (change.kind === 'removed') return h('p', { className: ['redline'] }, marked('del', change.oldBlock?.text ?? ''));
  return h('p', { className: ['redline'] }, change.newBlock?.text ?? change.oldBlock?.text ?? '');
}

/** One change of a redline with its verdict, as the changes and compare pages show it. Pure. */
export function renderChange(change: ClassifiedChange, number: number, revision: RevisionSummary, lang: Lang): Element {
  const messages = messagesFor(lang);
  // The classifier's reasons in the page's (the policy's) language.
  const reasons = renderReasons(change, lang);
  const block = change.newBlock ?? change.oldBlock;
  const section = block?.section.join(' › ') ?? '';
  const oldSection = change.oldBlock?.section.join(' › ') ?? '';
  const children: Child[] = [
    h(
      'h3',
      {},
      h('span', { className: ['sr-only'] }, `${number}.`),
      renderBadge(change.level, lang),
      h('span', { className: ['kind'] }, messages.kind[change.kind]),
      section !== '' ? h('span', { className: ['section'] }, section) : null,
    ),
    h('p', { className: ['where'] }, messages.lines(change.oldBlock?.line ?? null, change.newBlock?.line ?? null)),
    change.kind === 'moved' && oldSection !== section && oldSection !== '' ? h('p', { className: ['where'] }, messages.movedFrom(oldSection)) : null,
    renderRedline(change, messages),
    change.triggers.map((index) => renderTriggerQuote(index, triggerText(revision.old.triggers, index), messages)),
    reasons.length > 0
      ? [
          h('p', { className: ['sr-only'] }, messages.reasonsLabel),
          h('ul', { className: ['reasons'] }, reasons.map((reason) => h('li', {}, reason))),
        ]
      : null,
  ];
  return h('article', { className: ['change', `change-${change.level}`], dataLevel: change.level }, children);
}

/** The owners' change note as a section of paragraphs. Pure. */
export function renderChangeNote(note: string, messages: Messages): Element {
  return h(
    'section',
    { className: ['change-note'], ariaLabelledBy: ['change-note'] },
    h('h2', { id: 'change-note' }, messages.changeNoteHeading),
    splitNoteParagraphs(note).map((part) => h('p', {}, part)),
  );
}

/** Renders the changes page of a version; `revision` is null for the first version. Pure. */
export function renderChangesPage(model: ChangesPageModel, revision: RevisionSummary | null): Root {
  const { lang, id, entry, previous } = model;
  const messages = messagesFor(lang);
  const path = sitePaths.changes(id, entry.version);
  const link = (to: string): string => relativeHref(path, to);
  const main: Child[] = [h('h1', {}, messages.changesTitle(model.title, entry.version))];

  if (previous === null || revision === null) {
    main.push(h('p', { className: ['lede'] }, messages.firstVersion));
  } else {
    main.push(
      h(
        'p',
        { className: ['lede'] },
        messages.comparedWith(
          h('a', { href: link(sitePaths.version(id, previous.version)) }, messages.versionLabel(previous.version)),
          renderDate(previous.effective, lang),
        ),
      ),
    );
  }
  main.push(
    h(
      'dl',
      { className: ['meta'] },
      h('dt', {}, messages.recordedLevel),
      h('dd', {}, renderBadge(entry.level, lang), entry.override ? messages.overridden : null),
      entry.override
        ? [
            h('dt', {}, messages.reasonsLabel),
            h(
              'dd',
              {},
              messages.overrideNote(messages.level[entry.override.level], entry.override.reason),
              entry.automatic ? [' ', messages.automaticNote(messages.level[entry.automatic.level])] : null,
            ),
          ]
        : null,
      h('dt', {}, messages.effectiveLabel),
      h('dd', {}, renderDate(entry.effective, lang)),
      entry.summary !== '' ? [h('dt', {}, messages.summaryColumn), h('dd', {}, displaySummary(entry, model.lang))] : null,
    ),
  );

  if (model.changeNote) main.push(renderChangeNote(model.changeNote, messages));
  if (revision !== null) {
    if (entry.triggers.length > 0) {
      main.push(
        h(
          'section',
          { ariaLabelledBy: ['triggers-hit'] },
          h('h2', { id: 'triggers-hit' }, messages.triggersHitHeading),
          h('p', {}, messages.triggersHitIntro),
          entry.triggers.map((index) => renderTriggerQuote(index, triggerText(revision.old.triggers, index), messages)),
        ),
      );
    }
    // The tool's warnings name files for the CLI; readers get the ones they can act on in their language.
    const warnings = [...new Set(revision.warnings.map((warning) => (warning.endsWith(defaultListWarning('')) ? messages.defaultListWarning : warning)))];
    if (warnings.length > 0) {
      main.push(
        h(
          'section',
          { ariaLabelledBy: ['warnings'] },
          h('h2', { id: 'warnings' }, messages.warningsHeading),
          h('ul', {}, warnings.map((warning) => h('li', {}, warning))),
        ),
      );
    }
    main.push(
      h(
        'section',
        { ariaLabelledBy: ['changes'] },
        h('h2', { id: 'changes' }, messages.changesHeading(revision.changes.length)),
        revision.changes.length === 0
          ? h('p', {}, messages.noChanges)
          : revision.changes.map((change, i) => renderChange(change, i + 1, revision, lang)),
      ),
    );
  }

  main.push(
    h(
      'nav',
      { className: ['pager'], ariaLabel: messages.versionNav },
      previous !== null
        ? h('a', { href: link(sitePaths.version(id, previous.version)), rel: ['prev'] }, `← ${messages.readPreviousVersion(previous.version)}`)
        : null,
      h('a', { href: link(sitePaths.version(id, entry.version)), className: ['next'] }, `${messages.readThisVersion(entry.version)} →`),
    ),
  );

  return renderLayout({
    lang,
    path,
    title: messages.changesTitle(model.title, entry.version),
    crumbs: [
      { label: messages.home, path: sitePaths.home() },
      { label: model.title, path: sitePaths.versions(id) },
      { label: messages.versionLabel(entry.version), path: sitePaths.version(id, entry.version) },
      { label: messages.changesLink, path: null },
    ],
    feed: { path: sitePaths.feed(id), title: model.title },
    baseUrl: model.baseUrl,
    main,
  });
}
