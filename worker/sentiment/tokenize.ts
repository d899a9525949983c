export type TokenKind =
  | 'word'
  | 'number'
  | 'rating'
  | 'currency'
  | 'emoji'
  | 'smile'
  | 'frown'
  | 'end'
  | 'break';

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
    String.raw`([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)`,
    String.raw`(\d+(?:[.,]\d+)?)`,
    String.raw`([£$€₽])`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)`,
    String.raw`((?<![\p{L}\d])[:;=][-^']?(?:[)\]D3*]+|[(\[]+|[pP]\b))`,
    String.raw`(\)+|\(+)`,
    String.raw`([.!?…]+|\n)`,
    String.raw`([,;:—–]|\s-\s)`,
    String.raw`(["«»“”„])`,
  ].join('|'),
  'gu',
);

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /\p{Script=Latin}/u;
const ELONGATED_RE = /(\p{L})\1{2,}/gu;
const DOUBLED_RE = /(\p{L})\1+/gu;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'");
}

function ratingValue(score: string, scale: string): number {
  const n = Number(score.replace(',', '.'));
  const max = Number(scale);
  return Math.max(-1, Math.min(1, (n / max) * 2 - 1));
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let quote = 0;
  let quoteCount = 0;
  let quoteStart = 0;
  let parenDepth = 0;

  const push = (kind: TokenKind, text: string, extra?: Partial<Token>): void => {
    tokens.push({
      kind,
      text,
      squeezed: undefined,
      script: undefined,
      caps: false,
      quote,
      exclaims: 0,
      question: false,
      value: 0,
      ...extra,
    });
  };

  for (const m of input.matchAll(TOKEN_RE)) {
    const [raw] = m;
    const at = m.index + raw.length;
    if (m[1] !== undefined && m[2] !== undefined) {
      push('rating', raw, { value: ratingValue(m[1], m[2]) });
    } else if (m[3] !== undefined) {
      const lower = normalizeWord(m[3]);
      const text = lower.replace(ELONGATED_RE, '$1$1');
      const letters = m[3].replace(/[^\p{L}]/gu, '');
      push('word', text, {
        squeezed: text === lower ? undefined : text.replace(DOUBLED_RE, '$1'),
        script: CYRILLIC_RE.test(text) ? 'cyr' : LATIN_RE.test(text) ? 'lat' : undefined,
        caps: letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      });
    } else if (m[4] !== undefined) {
      push('number', m[4]);
    } else if (m[5] !== undefined) {
      push('currency', m[5]);
    } else if (m[6] !== undefined) {
      push('emoji', m[6]);
    } else if (m[7] !== undefined) {
      push(/[(\[]/.test(m[7]) ? 'frown' : 'smile', m[7]);
    } else if (m[8] !== undefined) {
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
    } else if (m[9] !== undefined) {
      const last = tokens.at(-1);
      if (raw === '\n' && (last === undefined || last.kind === 'end')) continue;
      const exclaims = raw.split('!').length - 1;
      const asks = raw.split('?').length - 1;
      push('end', raw, { exclaims, question: asks === 1 });
    } else if (m[10] !== undefined) {
      push('break', raw.trim());
    } else if (m[11] !== undefined) {
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
