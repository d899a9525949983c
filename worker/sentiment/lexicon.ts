import { Matcher, type MatchEntry } from './matcher';
import { stem, type StemLanguage } from './stem';
import { normalizeWord } from './tokenize';
import type { Topic } from './types';

/** Words that steer the words around them instead of carrying a tone themselves. */
export type Role =
  | 'negator'
  | 'postNegator'
  | 'scale'
  | 'excess'
  | 'contrast'
  | 'concession'
  | 'request'
  | 'question'
  | 'thanks'
  | 'nostalgia'
  | 'rival'
  | 'sarcasm'
  | 'mixed'
  | 'former'
  | 'notYet'
  | 'rhetorical';

export interface Polarity {
  /** Valence as written. */
  readonly v: number;
  /** Valence under negation ("не работает", "no complaints"). */
  readonly nv: number;
}

export interface RoleEntry {
  readonly role: Role;
  /** Multiplier: for `scale` on the next word, for `negator` on the negated word ("ни одной" > "не"). */
  readonly factor: number;
  /** For `negator`: how far it reaches, in standard windows. */
  readonly reach: number;
  /** Valence the word carries when it has nothing to act on ("перестал.", "stopped"). */
  readonly fallback: number;
}

export type TopicWeights = Readonly<Partial<Record<Topic, number>>>;

/**
 * Source lists are whitespace-separated entries: a word form (stemmed when compiled),
 * `word!` (only this exact form, for stems two words share: "почта"/"почти"),
 * `prefix*` (matches surface forms starting with it), or `two_words` (a phrase of stems).
 */
export interface SentimentSource {
  /** `[valence, entries]`, or `[valence, entries, valence when negated]`. */
  readonly words: readonly (readonly [number, string] | readonly [number, string, number])[];
  /** `[factor, entries]` for intensifiers (> 1) and softeners (< 1). */
  readonly scale: readonly (readonly [number, string])[];
  /** Function words per role, matched on surface form. */
  readonly roles: Readonly<Partial<Record<Exclude<Role, 'scale'>, string>>>;
  /** `[factor, valence, entries]`: chores that sour what follows, or the sentence when nothing does ("пришлось ждать"). */
  readonly chores?: readonly (readonly [number, number, string])[];
  /** Negators that reach the whole clause ("никто не смог ответить", "nobody at the desk could tell me"). */
  readonly wideNegators?: string;
  /** Emphatic negators ("ни одной царапины", "not a single issue"). */
  readonly strongNegators?: string;
  /** `[valence, entries]`: negators that carry a tone of their own ("перестал", "stopped"). */
  readonly toneNegators?: readonly (readonly [number, string])[];
  /** Prefixes that turn a known word around: не|удобный, un|helpful. */
  readonly negativePrefixes: readonly string[];
}

export type TopicSource = readonly (readonly [Topic, number, string])[];

export interface LanguagePack {
  readonly language: StemLanguage;
  readonly sentiment: Matcher<Polarity>;
  readonly roles: Matcher<RoleEntry>;
  readonly topics: Matcher<TopicWeights>;
  readonly negativePrefixes: readonly string[];
}

/** How strongly negation turns a positive word down ("не хорошо") and a negative one up ("не плохо"). */
const NEGATE_POSITIVE = 0.6;
const NEGATE_NEGATIVE = 0.4;
const STRONG_NEGATION = 2;

// "Не в восторге" is a letdown, not a disaster: negated praise is capped.
const NEGATED_PRAISE_CAP = 1.4;

export function negatedValence(v: number): number {
  return v > 0 ? -Math.min(NEGATE_POSITIVE * v + 0.2, NEGATED_PRAISE_CAP) : -NEGATE_NEGATIVE * v;
}

// Porter cuts some words to a stem too short to trust ("useful" -> "us"); those match only as written.
const MIN_ENGLISH_STEM = 4;

function entries<T>(list: string, value: T, key: (word: string) => string, language: StemLanguage): MatchEntry<T>[] {
  return list
    .split(/\s+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const normal = normalizeWord(entry);
      if (normal.endsWith('*')) return { keys: [normal], value };
      if (normal.endsWith('!')) {
        const word = normal.slice(0, -1);
        return { keys: [word], surface: word, exact: true, value };
      }
      const keys = normal.split('_').map(key);
      const short = language === 'en' && (keys[0] ?? '').length < MIN_ENGLISH_STEM && keys[0] !== normal;
      return { keys, surface: normal, exact: keys.length === 1 && short, value };
    });
}

// Forms that share a stem ("пришли", "пришло") must not add up, so the stronger cue wins.
function strongest(a: TopicWeights, b: TopicWeights): TopicWeights {
  const out: Partial<Record<Topic, number>> = { ...a };
  for (const [topic, weight] of Object.entries(b) as [Topic, number][]) {
    const old = out[topic];
    out[topic] = old === undefined || Math.abs(weight) > Math.abs(old) ? weight : old;
  }
  return out;
}

const keepLast = <T>(_: T, b: T): T => b;

export function compileLanguage(language: StemLanguage, source: SentimentSource, topicSource: TopicSource): LanguagePack {
  const byStem = (word: string): string => stem(word, language);
  const bySurface = (word: string): string => word;

  const sentiment = source.words.flatMap(([v, list, nv]) =>
    entries<Polarity>(list, { v, nv: nv ?? negatedValence(v) }, byStem, language),
  );

  const roles: MatchEntry<RoleEntry>[] = source.scale.flatMap(([factor, list]) =>
    entries<RoleEntry>(list, { role: 'scale', factor, reach: 1, fallback: 0 }, bySurface, language),
  );
  for (const [role, list] of Object.entries(source.roles) as [Role, string][]) {
    roles.push(...entries<RoleEntry>(list, { role, factor: 1, reach: 1, fallback: 0 }, bySurface, language));
  }
  for (const [factor, fallback, list] of source.chores ?? []) {
    roles.push(...entries<RoleEntry>(list, { role: 'scale', factor, reach: 1, fallback }, bySurface, language));
  }
  const negator = (factor: number, reach: number, fallback = 0): RoleEntry => ({ role: 'negator', factor, reach, fallback });
  roles.push(...entries(source.wideNegators ?? '', negator(1, 2), bySurface, language));
  roles.push(...entries(source.strongNegators ?? '', negator(STRONG_NEGATION, 1), bySurface, language));
  for (const [fallback, list] of source.toneNegators ?? []) {
    roles.push(...entries(list, negator(1, 1, fallback), bySurface, language));
  }

  const topics = topicSource.flatMap(([topic, weight, list]) =>
    entries<TopicWeights>(list, { [topic]: weight }, byStem, language),
  );

  return {
    language,
    sentiment: new Matcher(sentiment, keepLast, true),
    roles: new Matcher(roles, keepLast),
    topics: new Matcher(topics, strongest, true),
    negativePrefixes: source.negativePrefixes,
  };
}
