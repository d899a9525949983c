export interface MatchEntry<T> {
  /** Keys of the words in order; a single key ending in `*` matches any surface form it starts. */
  readonly keys: readonly string[];
  /** The word as written in the lexicon; it wins over another entry that merely shares its stem. */
  readonly surface?: string;
  /** Match only the word as written, never by key. */
  readonly exact?: boolean;
  readonly value: T;
}

export interface Match<T> {
  readonly value: T;
  readonly length: number;
  readonly fuzzy: boolean;
}

interface TrieNode<K, T> {
  value: T | undefined;
  readonly next: Map<K, TrieNode<K, T>>;
}

function child<K, T>(node: TrieNode<K, T>, key: K): TrieNode<K, T> {
  let next = node.next.get(key);
  if (next === undefined) {
    next = { value: undefined, next: new Map() };
    node.next.set(key, next);
  }
  return next;
}

const MEMO_LIMIT = 20_000;

interface Candidate<T> {
  readonly key: string;
  /** A prefix entry may be followed by any ending; a stem must match to its end. */
  readonly open: boolean;
  readonly value: T;
}

// Shorter words are too often another real word one letter away ("приятн"/"приятель").
const MIN_FUZZY = 8;
// Typos rarely hit the first two letters, so candidates are bucketed by them.
const BUCKET = 2;

/** Whether `key` from `from` on reappears in `word` at `at` (and ends it, unless `open`). */
function tailMatches(key: string, from: number, word: string, at: number, open: boolean): boolean {
  const length = key.length - from;
  if (!open && word.length - at !== length) return false;
  if (word.length - at < length) return false;
  for (let k = 0; k < length; k++) if (key.charCodeAt(from + k) !== word.charCodeAt(at + k)) return false;
  return true;
}

/** Whether `key` turns into the start of `word` (or all of it, unless `open`) with at most one edit. */
function oneEditAway(key: string, word: string, open: boolean): boolean {
  let i = 0;
  while (i < key.length && i < word.length && key[i] === word[i]) i++;
  const rest = (from: number, at: number): boolean => tailMatches(key, from, word, at, open);
  if (i === key.length) return open || word.length - key.length <= 1;
  // A short open prefix needs letters after the typo to confirm it; a long one is distinctive anyway.
  if (i < BUCKET || (open && key.length < 9 && i > key.length - 3)) return false;
  return (
    rest(i + 1, i + 1) || // substitution: "терпиливо"
    rest(i, i + 1) || // extra letter
    rest(i + 1, i) || // missing letter: "соответсвует"
    (key[i] === word[i + 1] && key[i + 1] === word[i] && rest(i + 2, i + 2)) // swap: "recieved"
  );
}

/**
 * Looks words and phrases up by key (a stem, or the surface form for function words):
 * longest phrase first, then the word as written, then its key, then the longest prefix entry,
 * then, if enabled, an entry one typo away.
 */
export class Matcher<T> {
  readonly #exact = new Map<string, T>();
  readonly #surface = new Map<string, T>();
  // Prefix entries by letter, phrases by word key: walked without building strings.
  readonly #prefixes: TrieNode<number, T> = { value: undefined, next: new Map() };
  readonly #phrases: TrieNode<string, T> = { value: undefined, next: new Map() };
  // Single-word results by surface form; the key is a function of it. `null` caches a miss.
  readonly #memo = [new Map<string, Match<T> | null>(), new Map<string, Match<T> | null>()] as const;
  readonly #buckets = new Map<string, Candidate<T>[]>();
  readonly #fuzzy: boolean;

  constructor(entries: Iterable<MatchEntry<T>>, merge: (a: T, b: T) => T, fuzzy = false) {
    this.#fuzzy = fuzzy;
    for (const { keys, surface, exact, value } of entries) {
      const [first] = keys;
      if (first === undefined || first === '') continue;
      if (keys.length === 1 && first.endsWith('*')) {
        const prefix = first.slice(0, -1);
        let node = this.#prefixes;
        for (let k = 0; k < prefix.length; k++) node = child(node, prefix.charCodeAt(k));
        node.value = node.value === undefined ? value : merge(node.value, value);
        if (fuzzy) this.#addCandidate({ key: prefix, open: true, value });
        continue;
      }
      if (keys.length > 1) {
        let node = this.#phrases;
        for (const key of keys) node = child(node, key);
        node.value = node.value === undefined ? value : merge(node.value, value);
        continue;
      }
      const key = first;
      if (surface !== undefined) {
        const known = this.#surface.get(surface);
        this.#surface.set(surface, known === undefined ? value : merge(known, value));
        if (exact === true) continue;
      }
      const old = this.#exact.get(key);
      this.#exact.set(key, old === undefined ? value : merge(old, value));
    }
    if (fuzzy) {
      for (const [key, value] of this.#exact) this.#addCandidate({ key, open: false, value });
    }
  }

  #addCandidate(candidate: Candidate<T>): void {
    if (candidate.key.length < MIN_FUZZY - 1) return;
    const bucket = candidate.key.slice(0, BUCKET);
    const list = this.#buckets.get(bucket);
    if (list === undefined) this.#buckets.set(bucket, [candidate]);
    else list.push(candidate);
  }

  /** `keys[i]` is the lookup key of token i (`''` for non-words); `surfaces[i]` its normalised text. */
  match(keys: readonly string[], surfaces: readonly string[], i: number, fuzzy = this.#fuzzy): Match<T> | undefined {
    const key = keys[i];
    if (key === undefined || key === '') return undefined;
    let node = this.#phrases.next.get(key);
    let best: Match<T> | undefined;
    for (let n = 2; node !== undefined && i + n <= keys.length; n++) {
      const next = keys[i + n - 1];
      if (next === undefined || next === '') break;
      node = node.next.get(next);
      if (node?.value !== undefined) best = { value: node.value, length: n, fuzzy: false };
    }
    if (best !== undefined) return best;
    const surface = surfaces[i] ?? key;
    const memo = this.#memo[fuzzy ? 1 : 0];
    let found = memo.get(surface);
    if (found === undefined) {
      found = this.#word(key, surface, fuzzy) ?? null;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(surface, found);
    }
    return found ?? undefined;
  }

  #word(key: string, surface: string, fuzzy: boolean): Match<T> | undefined {
    const exact = this.#surface.get(surface) ?? this.#exact.get(key);
    if (exact !== undefined) return { value: exact, length: 1, fuzzy: false };
    let found: T | undefined;
    let node: TrieNode<number, T> | undefined = this.#prefixes;
    for (let k = 0; k < surface.length && node !== undefined; k++) {
      node = node.next.get(surface.charCodeAt(k));
      if (node?.value !== undefined) found = node.value;
    }
    if (found !== undefined) return { value: found, length: 1, fuzzy: false };
    if (!fuzzy || surface.length < MIN_FUZZY) return undefined;
    for (const candidate of this.#buckets.get(surface.slice(0, BUCKET)) ?? []) {
      if (oneEditAway(candidate.key, candidate.open ? surface : key, candidate.open)) {
        return { value: candidate.value, length: 1, fuzzy: true };
      }
    }
    return undefined;
  }
}
