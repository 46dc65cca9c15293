/** English reasons: the wording of `policy diff`, the JSON report and CI annotations. */
import type { EntityType } from '../entities.js';
import { conceptById } from '../concepts.js';
import type { MarkerClass } from '../markers.js';
import { quote } from '../text.js';
import type { Catalogue, Governance, Where } from './types.js';

const ENTITY_NAMES: Record<EntityType, string> = {
  email: 'e-mail address',
  url: 'link',
  phone: 'phone number',
  organization: 'organisation',
  duration: 'period',
  amount: 'amount',
  percentage: 'percentage',
  number: 'figure',
  region: 'region',
  date: 'date',
};

const CLASS_NAMES: Record<MarkerClass, string> = {
  negation: 'negation',
  will: 'certainty',
  may: 'permission',
  must: 'obligation',
  only: 'limitation',
  all: 'universal scope',
  'open-ended': 'open-ended scope',
  exception: 'exception',
  qualifier: 'qualifier',
  before: 'timing (before the event)',
  after: 'timing (after the event)',
};

/** A quotation of text as the policy wrote it (`(nothing)` for none), shortened. */
function q(text: string, max = 100): string {
  return text.trim() === '' ? '(nothing)' : `"${quote(text, max)}"`;
}

/** A quotation of a trigger, heading or value: trailing punctuation dropped, shortened. */
export function show(text: string): string {
  return `"${quote(text.replace(/[。；;，,.]+$/u, ''), 100)}"`;
}

/** A clause made a sentence: capitalised, with a final period. */
export function sentence(s: string): string {
  const t = s.trim();
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?。]$/.test(first) ? first : `${first}.`;
}

const capitalizeFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const more = (n: number): string => (n > 0 ? ` (and ${n} more like it)` : '');
const fm = (frontMatter: boolean): string => (frontMatter ? ' (front matter)' : '');

function where(w: Where): string {
  if (w.at === 'front-matter') return 'the front matter';
  if (w.at === 'opening') return 'the opening text';
  return `section ${show(w.title)}`;
}

function governs(g: Governance, major: boolean): string {
  const at = where(g.where);
  if (!g.trigger) return `no trigger governs ${at}`;
  const name = g.isDefault ? `the default category ${g.trigger.index} (${show(g.trigger.text)})` : `trigger ${g.trigger.index} (${show(g.trigger.text)})`;
  if (g.governed) return g.isDefault ? `${at} falls under ${name}, used because the policy lists no major-change triggers of its own` : `${at} is governed by ${name}`;
  return major ? `no trigger governs ${at}; the nearest is ${name}` : `no trigger governs ${at}`;
}

/** English wording of every message. */
export const en: Catalogue = {
  lang: 'en',
  signals: {
    'trivial-whitespace': (m) => `only whitespace changed${more(m.more)}`,
    'trivial-punctuation': (m) => `punctuation changed (${q(m.before)} → ${q(m.after)})${more(m.more)}`,
    'trivial-case': (m) => `letter case changed (${q(m.before)} → ${q(m.after)})${more(m.more)}`,
    'trivial-typo': (m) => `typo fixed: ${q(m.before)} → ${q(m.after)}${more(m.more)}`,
    'trivial-function-words': (m) =>
      (m.after === '' ? `the function word ${q(m.before)} was dropped` : m.before === '' ? `the function word ${q(m.after)} was added` : `function words changed (${q(m.before)} → ${q(m.after)})`) + more(m.more),
    'trivial-duplicate': (m) => `${q(m.before)} was removed, but the same words are still there${more(m.more)}`,
    'trivial-example': (m) =>
      (m.after === '' ? `an example was removed (${q(m.before)}); the category it illustrated is still named` : `an example was added (${q(m.after)}) that restates an existing category`) + more(m.more),
    'trivial-cross-reference': (m) => (m.after === '' ? `a cross-reference was removed (${q(m.before)})` : `a cross-reference was added (${q(m.after)})`) + more(m.more),
    'trivial-date': (m) => `a date changed (${q(m.before)} → ${q(m.after)})${more(m.more)}`,
    'trivial-link': (m) => `a link changed (${q(m.before)} → ${q(m.after)})${more(m.more)}`,
    'trivial-boilerplate': (m) =>
      (m.after === ''
        ? `a copyright or trade-mark notice was removed (${q(m.before)})`
        : m.before === ''
          ? `a copyright or trade-mark notice was added (${q(m.after)})`
          : `a copyright or trade-mark notice changed (${q(m.before)} → ${q(m.after)})`) + more(m.more),
    'heading-level': (m) => `the heading ${q(m.text)} moved from level ${m.from} to level ${m.to}`,
    'block-kind': (m) => `the block changed from ${m.from} to ${m.to} with the same text`,
    'same-text': () => 'the text a reader sees is the same before and after',
    'heading-changed': (m) => `the heading changed from ${q(m.from)} to ${q(m.to)}`,
    'heading-block': (m) => `the heading ${q(m.text)} was ${m.change}`,
    'table-header': (m) => `a table's header row ${q(m.text)} was ${m.change}; it names the columns, the rows say what the table says`,
    'empty-block': (m) => `a ${m.blockKind} without text was ${m.change}`,
    block: (m) => `a ${m.what === 'listItem' ? 'list item' : m.what === 'tableRow' ? 'table row' : 'paragraph'} was ${m.change}: ${q(m.text)}`,
    'examples-gained': (m) => `the examples in ${q(m.sentence)} gained ${m.added.map((x) => q(x)).join(', ')}`,
    enumeration: (m) => {
      const parts: string[] = [];
      if (m.added.length > 0) parts.push(`adds ${m.added.map((x) => q(x)).join(', ')}`);
      if (m.removed.length > 0) parts.push(`removes ${m.removed.map((x) => q(x)).join(', ')}`);
      return `the enumeration in ${q(m.sentence)} ${parts.join(' and ')}`;
    },
    sentence: (m) => `a sentence was ${m.change}: ${q(m.text)}`,
    clause: (m) => `a clause was ${m.change}: ${q(m.text)}`,
    concept: (m) => {
      const list = (terms: string[]): string => terms.map((t) => `"${t}"`).join(', ');
      const parts: string[] = [];
      if (m.added.length > 0) parts.push(`adds ${list(m.added)}`);
      if (m.removed.length > 0) parts.push(`removes ${list(m.removed)}`);
      const labels = [...new Set(m.concepts.map((id) => conceptById(id)?.label ?? id))].join(', ');
      return `the edit ${parts.join(' and ')} (${labels})`;
    },
    rewrite: (m) => `the passage was rewritten (from ${q(m.from)} to ${q(m.to)})`,
    recast: (m) => `${q(m.from)} was recast as ${q(m.to)}: the same terms, figures and promises in another order or other sentences`,
    'security-measures': (m) => `the description of security measures was rewritten (from ${q(m.from)} to ${q(m.to)}): it says how data is protected; what is collected, used, shared or kept and how to reach us did not change`,
    rewording: (m) => `the wording changed from ${q(m.from)} to ${q(m.to)} without adding or removing a commitment term`,
    'link-target': (m) => `a link target changed (${m.from.join(', ') || '(none)'} → ${m.to.join(', ') || '(none)'})`,
    'channel-link': (m) =>
      `${m.where === 'link' ? `the link ${show(m.anchor)}` : `the address after ${show(m.anchor)}`}, a request or contact channel, now points to ${m.to.join(', ') || '(nothing)'} instead of ${m.from.join(', ') || '(nothing)'}`,
    'negated-scope': (m) =>
      m.change === 'added'
        ? `the negative promise ${q(m.sentence)} was qualified by ${q(m.text)}, which narrows what it rules out`
        : `the negative promise ${q(m.sentence)} lost the qualifier ${q(m.text)}, which widens what it rules out`,
    'negated-replaced': (m) => `the negative promise ${q(m.sentence)} now rules out ${q(m.to)} instead of ${q(m.from)}`,
    'only-scope': (m) =>
      m.change === 'added'
        ? `the restriction ${q(m.sentence)} now also allows ${q(m.text)}, which widens it`
        : `the restriction ${q(m.sentence)} no longer allows ${q(m.text)}, which narrows it`,
    'only-replaced': (m) => `the restriction ${q(m.sentence)} now allows ${q(m.to)} instead of ${q(m.from)}`,
    entity: (m) => {
      const name = ENTITY_NAMES[m.type];
      let text: string;
      if (m.removed.length > 0 && m.added.length > 0) text = `${name} changed from ${m.removed.join(', ')} to ${m.added.join(', ')}`;
      else if (m.added.length > 0) text = `${name} added: ${m.added.join(', ')}`;
      else text = `${name} removed: ${m.removed.join(', ')}`;
      if (m.type === 'email' || m.type === 'phone') text = `contact ${text}`;
      return capitalizeFirst(text);
    },
    flip: (m) => {
      const parts = m.parts.map((f) => {
        const name = CLASS_NAMES[f.markerClass] ?? f.markerClass;
        if (f.removed.length > 0 && f.added.length > 0) return `${name} "${f.removed.join('", "')}" became "${f.added.join('", "')}"`;
        if (f.removed.length > 0) return `${name} "${f.removed.join('", "')}" was removed`;
        return `${name} "${f.added.join('", "')}" was added`;
      });
      return `the promise's force changed: ${[...new Set(parts)].join('; ')}`;
    },
    moved: (m) => `the block moved from line ${m.from ?? '?'} to line ${m.to ?? '?'} unchanged`,
    rejoined: (m) => `the paragraph was ${m.how === 'merged' ? 'merged with the paragraph after it' : 'split'}; not a word changed`,
    reappears: (m) => `the block reappears, edited, at line ${m.line}; that change is judged there${m.trigger !== null ? ` (it states trigger ${m.trigger})` : ''}`,
    'moved-text': (m) =>
      `the ${m.what === 'listItem' ? 'list item' : 'text'} ${show(m.text)} ${m.how === 'split-out' ? 'was split out of the old text at line' : 'was merged into the new text at line'} ${m.line}`,
    'nothing-changed': () => 'nothing a reader sees changed',
    restates: (m) =>
      m.what === 'security'
        ? `the added words ${show(m.text)} describe security measures; they change no purpose, data, recipient or right (only an impact assessment that finds a high risk is a trigger)`
        : m.what === 'limit'
          ? `the added words ${show(m.text)} repeat a limit the policy already sets`
          : m.what === 'version'
            ? `the added words ${show(m.text)} speak of the policy's own versions; they change no commitment`
            : m.what === 'reading'
              ? `the words ${show(m.text)} help a reader through the policy (a note on reading it, its contents or a summary that does not replace it); every term they name is in the policy already`
            : `the added words ${show(m.text)} explain a word already there`,
    'history-entry': (m) => `a line of the policy's own change log was ${m.change}: ${show(m.text)}; the edit it records is judged where it happens`,
    'trigger-removed': (m) => `trigger ${m.index} ${show(m.text)} was removed from the list of major changes${fm(m.frontMatter)}`,
    'trigger-dropped': (m) => `trigger ${m.index} ${show(m.text)} is no longer in the list of major changes`,
    'trigger-edited': (m) => `trigger ${m.index} of the list of major changes${fm(m.frontMatter)} was reworded from ${show(m.from)} to ${show(m.to)}`,
    'trigger-added': (m) => `a new trigger was added to the list of major changes${fm(m.frontMatter)}: ${show(m.text)}`,
    'list-lead-in': (m, render) => `the sentence that introduces the list of major changes changed: ${render(m.detail)}`,
    'front-matter': (m) => `the front-matter key "${m.key}" changed from ${m.from === null ? '(absent)' : show(m.from)} to ${m.to === null ? '(absent)' : show(m.to)}`,
  },
  reasons: {
    major: (m, render) => sentence(`${m.clause ? render(m.clause) : 'The change alters a commitment'}; ${governs(m.governance, true)}`),
    'minor-ungoverned': (m, render) => sentence(`${render(m.clause)}; minor because ${governs(m.governance, false)}`),
    plain: (m, render) => sentence(render(m.clause)),
    nothing: () => 'Nothing a reader sees changed.',
  },
};
