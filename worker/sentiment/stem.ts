import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';

export type StemLanguage = 'ru' | 'en';

// Comment words repeat a lot and the English stemmer builds regexps per call,
// so memoising keeps a long comment well under a millisecond.
const CACHE_LIMIT = 20_000;
const cache: Record<StemLanguage, Map<string, string>> = { ru: new Map(), en: new Map() };

const EN_CLITIC_RE = /'(?:s|d|ll|ve|re|m)$/;

function compute(word: string, language: StemLanguage): string {
  if (language === 'ru') return russianStemmer(word);
  return englishStemmer(word.replace(EN_CLITIC_RE, '').replaceAll("'", ''));
}

export function stem(word: string, language: StemLanguage): string {
  const memo = cache[language];
  let result = memo.get(word);
  if (result === undefined) {
    result = compute(word, language);
    if (memo.size >= CACHE_LIMIT) memo.clear();
    memo.set(word, result);
  }
  return result;
}
