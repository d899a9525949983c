import { compileLanguage, type LanguagePack } from './lexicon';
import { EN_SENTIMENT } from './lexicon.en';
import { RU_SENTIMENT } from './lexicon.ru';
import type { StemLanguage } from './stem';
import { EN_TOPICS } from './topics.en';
import { RU_TOPICS } from './topics.ru';

let compiled: Readonly<Record<StemLanguage, LanguagePack>> | undefined;

/** The compiled lexicons, built on first use so that a Worker that never analyses a comment starts no slower. */
export function packs(): Readonly<Record<StemLanguage, LanguagePack>> {
  compiled ??= {
    ru: compileLanguage('ru', RU_SENTIMENT, RU_TOPICS),
    en: compileLanguage('en', EN_SENTIMENT, EN_TOPICS),
  };
  return compiled;
}
