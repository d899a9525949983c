// Informal Latin spelling of Russian ("vse super, kachestvo ogon"), longest digraphs first.
const DIGRAPHS: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['ye', 'е'],
  ['iy', 'ий'],
  ['yi', 'ый'],
];

const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
  "'": 'ь',
};

const BY_FIRST = new Map<string, (readonly [string, string])[]>();
for (const pair of DIGRAPHS) {
  const list = BY_FIRST.get(pair[0][0] ?? '');
  if (list === undefined) BY_FIRST.set(pair[0][0] ?? '', [pair]);
  else list.push(pair);
}

const CACHE_LIMIT = 5_000;
const cache = new Map<string, string>();

export function toCyrillic(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  let out = '';
  let i = 0;
  outer: while (i < word.length) {
    const ch = word[i] ?? '';
    for (const [latin, cyrillic] of BY_FIRST.get(ch) ?? []) {
      if (word.startsWith(latin, i)) {
        out += cyrillic;
        i += latin.length;
        continue outer;
      }
    }
    out += LETTERS[ch] ?? ch;
    i++;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, out);
  return out;
}
