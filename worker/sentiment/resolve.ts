import { emojiValence, emoticonValence, isIronicEmoji } from './emoji';
import type { Polarity, Role } from './lexicon';
import type { Match } from './matcher';
import { packs } from './packs';
import type { Prepared } from './prepare';
import { stem } from './stem';
import { toCyrillic } from './translit';

/** One reading of the text, left to right: what each word or mark contributes. */
export type Unit =
  | {
      readonly type: 'hit';
      readonly at: number;
      readonly length: number;
      readonly v: number;
      readonly nv: number;
      readonly gain: number;
    }
  | {
      readonly type: 'role';
      readonly at: number;
      readonly length: number;
      readonly role: Role;
      readonly factor: number;
      readonly reach: number;
      readonly fallback: number;
    }
  | { readonly type: 'plain'; readonly at: number }
  | { readonly type: 'mark'; readonly at: number; readonly v: number; readonly ironic: boolean }
  | {
      readonly type: 'end';
      readonly at: number;
      readonly exclaims: number;
      readonly question: boolean;
      readonly rhetorical: boolean;
    }
  | { readonly type: 'break'; readonly at: number };

// "грубоватый", "дороговато", "великоват": the -оват- suffix softens the word.
const SOFTENED_RE = /[ое]ват(?:[аоыяеий]|ый|ая|ое|ые|ой|ую|ым|ого)?$/;
const MIN_BARE = 4;
const EARLY = 1.2;

/** "на день раньше" is early delivery, not "it used to be better". */
function deliveredEarly(surfaces: readonly string[], at: number): boolean {
  return surfaces[at] === 'раньше' && (surfaces[at - 2] === 'на' || surfaces[at - 3] === 'на');
}

function gain(caps: boolean, elongated: boolean, softened: boolean): number {
  return (caps ? 1.3 : 1) * (elongated ? 1.2 : 1) * (softened ? 0.6 : 1);
}

/** "неудобно", "unhelpful": a negative prefix on a word the lexicon knows. */
function prefixed(surface: string, language: 'ru' | 'en'): Polarity | undefined {
  const pack = packs()[language];
  for (const prefix of pack.negativePrefixes) {
    if (!surface.startsWith(prefix) || surface.length - prefix.length < MIN_BARE) continue;
    const bare = surface.slice(prefix.length);
    const found = pack.sentiment.match([stem(bare, language)], [bare], 0, false);
    if (found !== undefined && found.value.v > 0) return { v: found.value.nv, nv: found.value.v };
  }
  return undefined;
}

/** A Latin word English does not know may be transliterated Russian ("spasibo" in an English text). */
function transliterated(surface: string): Polarity | undefined {
  if (surface.length < 5) return undefined;
  const cyrillic = toCyrillic(surface);
  return packs().ru.sentiment.match([stem(cyrillic, 'ru')], [cyrillic], 0, false)?.value;
}

export function resolve(prepared: Prepared): Unit[] {
  const { tokens, lang, keys, surfaces } = prepared;
  const units: Unit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    const at = i;
    i++;
    switch (token.kind) {
      case 'end':
        units.push({
          type: 'end',
          at,
          exclaims: token.exclaims,
          question: token.question,
          rhetorical: token.text.split('?').length > 2,
        });
        continue;
      case 'break':
        units.push({ type: 'break', at });
        continue;
      case 'emoji':
        units.push({ type: 'mark', at, v: emojiValence(token.text), ironic: isIronicEmoji(token.text) });
        continue;
      case 'smile':
      case 'frown':
        units.push({ type: 'mark', at, v: emoticonValence(token.kind, token.text), ironic: false });
        continue;
      case 'rating':
        units.push({ type: 'mark', at, v: 2.5 * token.value, ironic: false });
        continue;
      case 'word':
        break;
      default:
        units.push({ type: 'plain', at });
        continue;
    }

    const language = lang[at];
    if (language === undefined) {
      units.push({ type: 'plain', at });
      continue;
    }
    const pack = packs()[language];
    const surface = surfaces[language][at] ?? '';
    const role = pack.roles.match(surfaces[language], surfaces[language], at);
    // A word the topic lexicon knows ("рассрочки") is no typo of a sentiment word ("расстроен").
    const word: Match<Polarity> | undefined =
      pack.sentiment.match(keys[language], surfaces[language], at, false) ??
      (pack.topics.match(keys[language], surfaces[language], at, false) === undefined
        ? pack.sentiment.match(keys[language], surfaces[language], at, true)
        : undefined);

    if (role !== undefined && (word === undefined || role.length >= word.length)) {
      const { role: kind, factor, reach } = role.value;
      if (kind === 'nostalgia' && deliveredEarly(surfaces[language], at)) {
        units.push({ type: 'hit', at, length: 1, v: EARLY, nv: 0, gain: 1 });
        continue;
      }
      // "super" intensifies what follows, but "Super!" alone is praise.
      const own = word !== undefined && !word.fuzzy && word.length === role.length ? word.value.v : 0;
      const fallback = role.value.fallback !== 0 ? role.value.fallback : own;
      units.push({ type: 'role', at, length: role.length, role: kind, factor, reach, fallback });
      i = at + role.length;
      continue;
    }

    const softened = language === 'ru' && SOFTENED_RE.test(surface);
    const boost = gain(token.caps, token.squeezed !== undefined, softened);
    if (word !== undefined) {
      units.push({ type: 'hit', at, length: word.length, v: word.value.v, nv: word.value.nv, gain: boost });
      i = at + word.length;
      continue;
    }
    const derived = prefixed(surface, language) ?? (language === 'en' ? transliterated(surface) : undefined);
    if (derived !== undefined) {
      units.push({ type: 'hit', at, length: 1, v: derived.v, nv: derived.nv, gain: boost });
      continue;
    }
    units.push({ type: 'plain', at });
  }
  return units;
}
