import type { Prepared } from './prepare';
import { stem, type StemLanguage } from './stem';
import { tokenize } from './tokenize';

interface Part {
  readonly lang: StemLanguage | undefined;
  /** The stem for words, the literal text for numbers. */
  readonly key: string;
}

const RU_FLEETING = new Set(['о', 'е']);

/** One stem is the other plus a short ending the stemmer leaves on ("курьер"/"курьерск", "deliv"/"deliveri"). */
function extendsStem(short: string, long: string, minimum: number, slack: number): boolean {
  return short.length >= minimum && long.length - short.length <= slack && long.startsWith(short);
}

function sameStem(a: string, b: string, lang: StemLanguage): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (lang === 'en') return extendsStem(short, long, 5, 3);
  // Genitive plurals insert a vowel the stemmer keeps: "доставк" / "доставок".
  if (
    long.length === short.length + 1 &&
    RU_FLEETING.has(long[long.length - 2] ?? '') &&
    long.slice(0, -2) === short.slice(0, -1) &&
    long.at(-1) === short.at(-1)
  ) {
    return true;
  }
  return extendsStem(short, long, 4, 2);
}

function compile(keyword: string): Part[] {
  const parts: Part[] = [];
  for (const token of tokenize(keyword)) {
    if (token.kind === 'number') parts.push({ lang: undefined, key: token.text });
    if (token.kind !== 'word') continue;
    const lang: StemLanguage = token.script === 'cyr' ? 'ru' : 'en';
    parts.push({ lang, key: stem(token.text, lang) });
  }
  return parts;
}

function matchesAt(prepared: Prepared, parts: readonly Part[], start: number): boolean {
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as Part;
    const at = start + k;
    const token = prepared.tokens[at];
    if (token === undefined) return false;
    if (part.lang === undefined) {
      if (token.kind !== 'number' || token.text !== part.key) return false;
      continue;
    }
    if (prepared.lang[at] !== part.lang) return false;
    if (!sameStem(prepared.keys[part.lang][at] ?? '', part.key, part.lang)) return false;
  }
  return true;
}

/** Tenant keywords found in the comment, by word form in either language, in the order given. */
export function findKeywords(prepared: Prepared, keywords: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const keyword of keywords) {
    if (seen.has(keyword)) continue;
    seen.add(keyword);
    const parts = compile(keyword);
    if (parts.length === 0) continue;
    for (let i = 0; i + parts.length <= prepared.tokens.length; i++) {
      if (matchesAt(prepared, parts, i)) {
        found.push(keyword);
        break;
      }
    }
  }
  return found;
}
