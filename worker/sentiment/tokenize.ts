export type TokenKind = 'word' | 'number' | 'rating' | 'currency' | 'emoji' | 'smile' | 'frown' | 'end' | 'break';

export interface Token {
  readonly kind: TokenKind;
  /** Lower-cased, `ё` folded to `е`, letter runs of 3+ squeezed to 2. */
  readonly text: string;
  /** `text` with letter runs squeezed to 1, set only when the word was elongated ("оооочень"). */
  readonly squeezed: string | undefined;
  readonly script: 'cyr' | 'lat' | undefined;
  /** Shouted word: three or more letters, all upper case. */
  readonly caps: boolean;
  /** 1-based id of the enclosing quoted span, 0 outside quotes. */
  readonly quote: number;
  /** For `end`: how many `!` and whether it asks (`?`, but not a rhetorical `??`). */
  readonly exclaims: number;
  readonly question: boolean;
  /** For `rating`: the rating mapped onto -1..1. */
  readonly value: number;
}

const TOKEN_RE = new RegExp(
  [
    String.raw`(\d+(?:[.,]\d+)?)\s*(?:\/|из|out\s+of)\s*(10|5)(?!\d)`,
    String.raw`(\d)\s*(?:stars?|зв[её]зд[аыу]?)(?!\p{L})`,
    String.raw`([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)`,
    String.raw`(\d+(?:[.,]\d+)?)`,
    String.raw`([£$€₽])`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)`,
    String.raw`((?<![\p{L}\d])(?:[:;=][-^']?(?:[)\]D3*]+|[(\[]+|[pP]\b)|<3+))`,
    String.raw`(\)+|\(+)`,
    String.raw`([.!?…]+|\n)`,
    String.raw`([,;:—–]|\s-\s)`,
    String.raw`(["«»“”„])`,
  ].join('|'),
  'gu',
);

const ELONGATED_RE = /(\p{L})\1{2,}/gu;
const DOUBLED_RE = /(\p{L})\1+/gu;

export function normalizeWord(word: string): string {
  let out = word.toLowerCase();
  if (out.includes('ё')) out = out.replaceAll('ё', 'е');
  if (out.includes('’')) out = out.replaceAll('’', "'");
  return out;
}

function scriptOf(word: string): 'cyr' | 'lat' | undefined {
  const code = word.charCodeAt(0);
  if (code >= 0x400 && code <= 0x52f) return 'cyr';
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) return 'lat';
  return undefined;
}

function hasRun(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  }
  return false;
}

function ratingValue(score: string, scale: string): number {
  const n = Number(score.replace(',', '.'));
  const max = Number(scale);
  // Scales start at 1 ("1 star", "1/10"), so their midpoint reads as neutral.
  return Math.max(-1, Math.min(1, ((n - 1) / (max - 1)) * 2 - 1));
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let quote = 0;
  let quoteCount = 0;
  let quoteStart = 0;
  let parenDepth = 0;

  const push = (kind: TokenKind, text: string, value = 0): void => {
    tokens.push({ kind, text, squeezed: undefined, script: undefined, caps: false, quote, exclaims: 0, question: false, value });
  };

  for (const m of input.matchAll(TOKEN_RE)) {
    const [raw] = m;
    const at = m.index + raw.length;
    if (m[1] !== undefined && m[2] !== undefined) {
      push('rating', raw, ratingValue(m[1], m[2]));
    } else if (m[3] !== undefined) {
      push('rating', raw, ratingValue(m[3], '5'));
    } else if (m[4] !== undefined) {
      const word = m[4];
      const lower = normalizeWord(word);
      const text = hasRun(lower) ? lower.replace(ELONGATED_RE, '$1$1') : lower;
      tokens.push({
        kind: 'word',
        text,
        squeezed: text === lower ? undefined : text.replace(DOUBLED_RE, '$1'),
        script: scriptOf(text),
        caps: word.length >= 3 && word !== lower && word === word.toUpperCase(),
        quote,
        exclaims: 0,
        question: false,
        value: 0,
      });
    } else if (m[5] !== undefined) {
      push('number', m[5]);
    } else if (m[6] !== undefined) {
      push('currency', m[6]);
    } else if (m[7] !== undefined) {
      push('emoji', m[7]);
    } else if (m[8] !== undefined) {
      push(/[(\[]/.test(m[8]) ? 'frown' : 'smile', m[8]);
    } else if (m[9] !== undefined) {
      // Russian writers smile with a bare ")" and frown with "(", so parentheses
      // only count as brackets when they actually enclose something.
      if (raw[0] === '(') {
        const next = input[at] ?? '';
        if (raw.length === 1 && /[\p{L}\p{N}"«]/u.test(next)) parenDepth++;
        else push('frown', raw);
      } else if (parenDepth > 0) {
        parenDepth--;
        if (raw.length > 1) push('smile', raw);
      } else {
        push('smile', raw);
      }
    } else if (m[10] !== undefined) {
      const last = tokens.at(-1);
      if (raw === '\n' && (last === undefined || last.kind === 'end')) continue;
      const exclaims = raw.split('!').length - 1;
      const asks = raw.split('?').length - 1;
      // "?!" is exasperation, not a question.
      const question = asks === 1 && exclaims === 0;
      tokens.push({
        kind: 'end',
        text: raw,
        squeezed: undefined,
        script: undefined,
        caps: false,
        quote,
        exclaims,
        question,
        value: 0,
      });
    } else if (m[11] !== undefined) {
      push('break', raw.trim());
    } else if (m[12] !== undefined) {
      const closes = raw === '»' || raw === '”' || (raw === '"' && quote !== 0);
      if (closes) {
        quote = 0;
      } else if (quote === 0) {
        quote = ++quoteCount;
        quoteStart = tokens.length;
      }
    }
  }
  // A quote that never closes is a stray mark, not a quoted span.
  if (quote !== 0) {
    for (let i = quoteStart; i < tokens.length; i++) {
      const token = tokens[i];
      if (token !== undefined) tokens[i] = { ...token, quote: 0 };
    }
  }
  return tokens;
}
