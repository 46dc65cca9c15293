/**
 * Reasons as data: what a signal observed (a `SignalMessage`) and how a change's reasons are
 * built from those observations (a `ReasonMessage`), each an id plus the raw values it names.
 * A catalogue per language (en.ts, zh.ts) turns them into sentences; nothing here is worded.
 */
import type { BlockKind, Lang } from '../../types.js';
import type { EntityType } from '../entities.js';
import type { MarkerClass } from '../markers.js';
import type { TrivialKind } from '../trivial.js';

/** Whether a whole block, heading or trigger came or went. */
export type Presence = 'added' | 'removed';

/** A harmless edit (trivial.ts); `more` counts further edits of the same kind in the block. */
export type TrivialMessage = { [K in TrivialKind]: { id: `trivial-${K}`; before: string; after: string; more: number } }[TrivialKind];

/** One marker class whose words changed, for a `flip` message. */
export interface FlipPart {
  markerClass: MarkerClass;
  removed: string[];
  added: string[];
}

/** What one signal observed. Texts are raw (as in the policy); catalogues quote and shorten them. */
export type SignalMessage =
  | TrivialMessage
  | { id: 'heading-level'; text: string; from: number; to: number }
  | { id: 'block-kind'; from: BlockKind; to: BlockKind }
  | { id: 'same-text' }
  | { id: 'heading-changed'; from: string; to: string }
  | { id: 'heading-block'; change: Presence; text: string }
  | { id: 'table-header'; change: Presence; text: string }
  | { id: 'empty-block'; change: Presence; blockKind: BlockKind }
  | { id: 'block'; change: Presence; what: 'paragraph' | 'listItem' | 'tableRow'; text: string }
  | { id: 'examples-gained'; sentence: string; added: string[] }
  | { id: 'enumeration'; sentence: string; added: string[]; removed: string[] }
  | { id: 'sentence'; change: Presence; text: string }
  | { id: 'clause'; change: Presence; text: string }
  /** Commitment terms added and removed (as written, each once), and the lexicon concept ids they belong to. */
  | { id: 'concept'; added: string[]; removed: string[]; concepts: string[] }
  | { id: 'rewrite'; from: string; to: string }
  | { id: 'rewording'; from: string; to: string }
  | { id: 'recast'; from: string; to: string }
  | { id: 'security-measures'; from: string; to: string }
  | { id: 'link-target'; from: string[]; to: string[] }
  /**
   * A request or contact channel was re-pointed: a link whose words (`anchor`) name one, or an
   * address written in a sentence (`anchor`, without the address) that names one.
   */
  | { id: 'channel-link'; where: 'link' | 'text'; anchor: string; from: string[]; to: string[] }
  /** Words (`text`) added to or cut from a sentence whose promise is negated (`sentence`). */
  | { id: 'negated-scope'; change: Presence; text: string; sentence: string }
  /** Words under a negated predicate replaced by others (`do not share` → `do not sell`). */
  | { id: 'negated-replaced'; from: string; to: string; sentence: string }
  /** Words (`text`) added to or cut from the reach of a restrictive `only` in `sentence`. */
  | { id: 'only-scope'; change: Presence; text: string; sentence: string }
  /** Words within the reach of a restrictive `only` replaced by others. */
  | { id: 'only-replaced'; from: string; to: string; sentence: string }
  | { id: 'entity'; type: EntityType; removed: string[]; added: string[] }
  | { id: 'flip'; parts: FlipPart[] }
  /** Lines are null when unknown. */
  | { id: 'moved'; from: number | null; to: number | null }
  | { id: 'rejoined'; how: 'merged' | 'split' }
  | { id: 'reappears'; line: number; trigger: number | null }
  | { id: 'moved-text'; what: 'listItem' | 'text'; text: string; how: 'split-out' | 'merged-in'; line: number }
  | { id: 'nothing-changed' }
  /** Added words that restate what is there: security measures described, a limit repeated, a word glossed. */
  | { id: 'restates'; what: 'security' | 'limit' | 'gloss' | 'version' | 'reading'; text: string }
  /** A line of the policy's own change log (history, 修订记录) added or removed. */
  | { id: 'history-entry'; change: Presence; text: string }
  /** `frontMatter`: the list is kept in front matter (`majorChangeTriggers`). */
  | { id: 'trigger-removed'; index: number; text: string; frontMatter: boolean }
  | { id: 'trigger-dropped'; index: number; text: string }
  | { id: 'trigger-edited'; index: number; from: string; to: string; frontMatter: boolean }
  | { id: 'trigger-added'; text: string; frontMatter: boolean }
  | { id: 'list-lead-in'; detail: SignalMessage }
  /** Values are null when the key is absent on that side. */
  | { id: 'front-matter'; key: string; from: string | null; to: string | null };

/** Every signal message id. */
export type SignalMessageId = SignalMessage['id'];

/** Where a change sits, for naming it in a reason. */
export type Where = { at: 'front-matter' } | { at: 'opening' } | { at: 'section'; title: string };

/** Which trigger fits a change, and whether it governs it. */
export interface Governance {
  where: Where;
  /** The best-fitting trigger of the old version's list (governing or not). */
  trigger: { index: number; text: string } | null;
  governed: boolean;
  /** The policy has no list of its own: the trigger is a default category. */
  isDefault: boolean;
}

/** One reason sentence of a classified change. */
export type ReasonMessage =
  /** A major change: what decided it (null: no single signal), then which trigger governs it. */
  | { id: 'major'; clause: SignalMessage | null; governance: Governance }
  /** A substantive edit that stays minor because no trigger governs where it sits. */
  | { id: 'minor-ungoverned'; clause: SignalMessage; governance: Governance }
  /** One observation on its own. */
  | { id: 'plain'; clause: SignalMessage }
  | { id: 'nothing' };

/** Every reason message id. */
export type ReasonMessageId = ReasonMessage['id'];

/** Renders a nested signal message (in the catalogue's own language). */
export type RenderSignal = (message: SignalMessage) => string;

/** How one language words reasons: a render function per message id (data plus small functions). */
export interface Catalogue {
  lang: Lang;
  /** One clause per signal message, without a final full stop. */
  signals: { [K in SignalMessageId]: (message: Extract<SignalMessage, { id: K }>, render: RenderSignal) => string };
  /** One full sentence per reason message. */
  reasons: { [K in ReasonMessageId]: (message: Extract<ReasonMessage, { id: K }>, render: RenderSignal) => string };
}
