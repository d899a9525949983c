import { packs } from './packs';
import { stem, type StemLanguage } from './stem';
import type { Token } from './tokenize';
import { toCyrillic } from './translit';
import type { Language } from './types';

export interface Prepared {
  readonly tokens: readonly Token[];
  readonly language: Language;
  /** Which lexicon each token is looked up in; undefined for non-words. */
  readonly lang: readonly (StemLanguage | undefined)[];
  /** Per language: the stem of each token in that language, `''` elsewhere, so phrases never straddle. */
  readonly keys: Readonly<Record<StemLanguage, readonly string[]>>;
  readonly surfaces: Readonly<Record<StemLanguage, readonly string[]>>;
}

const EN_FUNCTION = new Set(
  (
    "the a an and or is are was were be been it its it's this that i i'm i've you we they my your our to " +
    'of in on for with at by from not no but so very have has had do does did will would can could me just ' +
    'too as if all got get what when there here one them their us'
  ).split(' '),
);

const RU_FUNCTION = new Set(
  (
    'все вся весь и в на с по как что это так но да нет я мы вы он она они было был была были буду будет ' +
    'очень просто не ну уже еще тоже за от до из у о мне меня нас вам вас его ее их кто где когда ' +
    'потому если бы ли же вот тут там'
  ).split(' '),
);

function knows(language: StemLanguage, surface: string): boolean {
  const pack = packs()[language];
  const keys = [stem(surface, language)];
  const surfaces = [surface];
  return (
    pack.sentiment.match(keys, surfaces, 0, false) !== undefined ||
    pack.topics.match(keys, surfaces, 0, false) !== undefined ||
    pack.roles.match(surfaces, surfaces, 0) !== undefined
  );
}

// Enough words to tell the two apart; a long English comment need not be checked to the end.
const LANGUAGE_SAMPLE = 40;

/** Latin text is English unless more of its words read as transliterated Russian ("vse super"). */
function latinIsRussian(words: readonly string[]): boolean {
  let english = 0;
  let russian = 0;
  for (const word of words.slice(0, LANGUAGE_SAMPLE)) {
    if (EN_FUNCTION.has(word) || knows('en', word)) {
      english++;
      continue;
    }
    const cyrillic = toCyrillic(word);
    if (word.length > 1 && (RU_FUNCTION.has(cyrillic) || knows('ru', cyrillic))) russian++;
  }
  return russian > english;
}

export function prepare(tokens: readonly Token[]): Prepared {
  let cyrillic = 0;
  const latin: string[] = [];
  for (const token of tokens) {
    if (token.script === 'cyr') cyrillic++;
    else if (token.script === 'lat') latin.push(token.text);
  }

  let language: Language = 'other';
  let translit = false;
  if (cyrillic > 0 && cyrillic >= latin.length) {
    language = 'ru';
  } else if (latin.length > 0) {
    translit = cyrillic === 0 && latinIsRussian(latin);
    if (translit) language = 'ru';
    else if (cyrillic > 0 || latin.slice(0, LANGUAGE_SAMPLE).some((word) => EN_FUNCTION.has(word) || knows('en', word))) {
      language = 'en';
    }
  }

  const lang: (StemLanguage | undefined)[] = [];
  const keys: Record<StemLanguage, string[]> = { ru: [], en: [] };
  const surfaces: Record<StemLanguage, string[]> = { ru: [], en: [] };
  for (const token of tokens) {
    let tokenLang: StemLanguage | undefined;
    let surface = token.text;
    if (token.script === 'cyr') tokenLang = 'ru';
    else if (token.script === 'lat') tokenLang = translit ? 'ru' : 'en';
    if (translit && tokenLang === 'ru') surface = toCyrillic(surface);
    // "хорошооо" squeezes to "хорошо", but "класссс" must keep its double "сс".
    if (tokenLang !== undefined && token.squeezed !== undefined && !knows(tokenLang, surface)) {
      const squeezed = translit ? toCyrillic(token.squeezed) : token.squeezed;
      if (knows(tokenLang, squeezed)) surface = squeezed;
    }
    lang.push(tokenLang);
    for (const l of ['ru', 'en'] as const) {
      const own = l === tokenLang;
      keys[l].push(own ? stem(surface, l) : '');
      surfaces[l].push(own ? surface : '');
    }
  }
  return { tokens, language, lang, keys, surfaces };
}
