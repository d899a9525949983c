import type { Unit } from './resolve';
import type { SentimentWeights } from './weights';

export interface Hit {
  value: number;
  readonly v: number;
  readonly nv: number;
  readonly gain: number;
  negated: boolean;
  readonly at: number;
  readonly sentence: number;
  readonly clause: number;
  /** Lexical (a word), as opposed to an emoji or rating. */
  readonly word: boolean;
  readonly thanks: boolean;
}

export interface SentenceState {
  words: number;
  exclaims: number;
  question: boolean;
  rhetorical: boolean;
  request: boolean;
  ironic: boolean;
}

export interface ClauseState {
  readonly sentence: number;
  nostalgia: boolean;
  former: boolean;
  rivalAt: number;
  concession: boolean;
}

export interface Reading {
  readonly hits: Hit[];
  readonly sentences: readonly SentenceState[];
  readonly clauses: readonly ClauseState[];
  /** Token positions of "но"/"but"; everything before each counts less. */
  readonly contrasts: number[];
  /** An explicit "mixed feelings" verdict. */
  readonly mixed: boolean;
}

/**
 * Walks the units left to right, applying negation, intensity and excess to the words they reach,
 * and records every toned word, emoji and rating as a hit, with the sentence and clause it sits in.
 */
export function readTone(units: readonly Unit[], w: SentimentWeights): Reading {
  const hits: Hit[] = [];
  const sentences: SentenceState[] = [];
  const clauses: ClauseState[] = [];
  const contrasts: number[] = [];

  let sentenceOpen = false;
  let negation: { left: number; fallback: number; strength: number; wide: boolean; notVery: boolean; at: number } | undefined;
  let scale: { left: number; factor: number; fallback: number; afterNegation: boolean; at: number } | undefined;
  let excess: { left: number } | undefined;
  // "ещё не открывала", "not yet": an absence that is no complaint (yet).
  let pending: { left: number } | undefined;

  let clauseStart = 0;
  let mixed = false;
  const openSentence = (): void => {
    sentences.push({ words: 0, exclaims: 0, question: false, rhetorical: false, request: false, ironic: false });
    clauses.push({ sentence: sentences.length - 1, nostalgia: false, former: false, rivalAt: -1, concession: false });
    sentenceOpen = true;
    clauseStart = Number.POSITIVE_INFINITY;
  };
  const sentence = (): SentenceState => {
    if (sentences.length === 0) openSentence();
    return sentences[sentences.length - 1] as SentenceState;
  };
  const clause = (): ClauseState => {
    if (clauses.length === 0) openSentence();
    return clauses[clauses.length - 1] as ClauseState;
  };
  const openClause = (concession = false): void => {
    clauses.push({ sentence: Math.max(0, sentences.length - 1), nostalgia: false, former: false, rivalAt: -1, concession });
    clauseStart = Number.POSITIVE_INFINITY;
  };
  const addHit = (at: number, value: number, extra?: Partial<Hit>): void => {
    hits.push({
      value,
      v: value,
      nv: value,
      gain: 1,
      negated: false,
      at,
      sentence: Math.max(0, sentences.length - 1),
      clause: Math.max(0, clauses.length - 1),
      word: true,
      thanks: false,
      ...extra,
    });
  };

  const expireNegation = (): void => {
    if (negation === undefined) return;
    if (scale?.afterNegation || negation.notVery) {
      addHit(negation.at, w.notVery);
      scale = undefined;
    } else if (negation.fallback !== 0) {
      addHit(negation.at, negation.fallback);
    }
    negation = undefined;
  };
  const expireScale = (): void => {
    if (scale === undefined) return;
    // "isn't quite … for me": the softened negation still sours the clause when it lapses.
    if (scale.afterNegation && negation !== undefined) negation.notVery = true;
    if (scale.fallback !== 0) addHit(scale.at, scale.fallback);
    scale = undefined;
  };
  const expireAll = (): void => {
    expireNegation();
    expireScale();
    excess = undefined;
    pending = undefined;
  };
  const tick = (): void => {
    if (negation !== undefined && --negation.left <= 0) expireNegation();
    if (scale !== undefined && --scale.left <= 0) expireScale();
    if (excess !== undefined && --excess.left <= 0) excess = undefined;
    if (pending !== undefined && --pending.left <= 0) pending = undefined;
  };
  const startWord = (at: number): void => {
    if (!sentenceOpen) openSentence();
    sentence().words++;
    clauseStart = Math.min(clauseStart, at);
  };

  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as Unit;
    switch (unit.type) {
      case 'end': {
        expireAll();
        if (unit.rhetorical) addHit(unit.at, w.rhetorical, { word: false });
        const s = sentence();
        s.exclaims += unit.exclaims;
        s.question ||= unit.question;
        sentenceOpen = false;
        break;
      }
      case 'break':
        expireAll();
        if (sentenceOpen) openClause();
        break;
      case 'mark':
        // Marks right after the full stop still belong to the sentence they close.
        if (sentences.length === 0) openSentence();
        addHit(unit.at, unit.v, { word: false });
        if (unit.ironic) sentence().ironic = true;
        break;
      case 'plain':
        startWord(unit.at);
        // "too busy", "слишком маленький": excess sours even a word the lexicon does not know.
        if (excess !== undefined) {
          addHit(unit.at, negation === undefined ? -w.excess : 0.3);
          excess = undefined;
          negation = undefined;
          scale = undefined;
          break;
        }
        tick();
        break;
      case 'hit': {
        startWord(unit.at);
        let value: number;
        const negated = negation !== undefined;
        if (excess !== undefined) {
          value = negated ? 0.3 : -Math.max(w.excess, Math.abs(unit.v));
        } else if (negation !== undefined) {
          value = unit.nv * negation.strength * (scale === undefined ? 1 : scale.afterNegation ? 0.7 : scale.factor);
        } else {
          value = unit.v * (scale?.factor ?? 1);
        }
        if (pending !== undefined) value = Math.max(value, 0) * 0.5;
        // "Никто не звонит и не пишет": a negated subject covers every verb in its clause.
        if (!negation?.wide) negation = undefined;
        scale = undefined;
        excess = undefined;
        pending = undefined;
        addHit(unit.at, value * unit.gain, { v: unit.v, nv: unit.nv, gain: unit.gain, negated });
        break;
      }
      case 'role': {
        startWord(unit.at);
        switch (unit.role) {
          case 'negator':
            if (negation === undefined) {
              negation = {
                left: w.negationWindow * unit.reach,
                fallback: unit.fallback,
                strength: unit.factor,
                wide: unit.reach > 1,
                notVery: false,
                at: unit.at,
              };
            } else {
              negation.left = Math.max(negation.left, w.negationWindow * unit.reach);
              negation.strength = Math.max(negation.strength, unit.factor);
              negation.wide ||= unit.reach > 1;
            }
            break;
          case 'postNegator': {
            const c = clauses.length - 1;
            const last = hits.at(-1);
            if (last !== undefined && last.word && !last.negated && last.clause === c && unit.at - last.at <= 3) {
              last.value = last.nv * last.gain;
              last.negated = true;
            } else {
              negation = { left: w.negationWindow, fallback: 0, strength: 1, wide: false, notVery: false, at: unit.at };
            }
            break;
          }
          case 'scale':
            if (scale === undefined) {
              scale = {
                left: w.scaleWindow,
                factor: unit.factor,
                fallback: unit.fallback,
                afterNegation: negation !== undefined,
                at: unit.at,
              };
            } else {
              scale.factor *= unit.factor;
              scale.left = w.scaleWindow;
            }
            break;
          case 'excess':
            excess = { left: w.scaleWindow };
            break;
          case 'contrast':
            expireAll();
            contrasts.push(unit.at);
            openClause();
            break;
          case 'concession': {
            expireAll();
            const next = units[u + 1];
            // A closing "though" ("Works fine though") contrasts its own clause with what came before.
            if (next === undefined || next.type === 'end' || next.type === 'break' || next.type === 'mark') {
              contrasts.push(clauseStart);
            } else {
              openClause(true);
            }
            break;
          }
          case 'request':
            sentence().request = true;
            break;
          case 'question':
            sentence().question = true;
            break;
          case 'rhetorical':
            // "Почему опять…?", "Why does…?": a complaint phrased as a question.
            sentence().rhetorical = true;
            addHit(unit.at, w.rhetorical / 2);
            break;
          case 'thanks':
            addHit(unit.at, w.thanks, { thanks: true });
            break;
          case 'nostalgia':
            clause().nostalgia = true;
            break;
          case 'rival':
            clause().rivalAt = unit.at;
            break;
          case 'former':
            clause().former = true;
            break;
          case 'sarcasm':
            sentence().ironic = true;
            addHit(unit.at, -1);
            break;
          case 'mixed':
            mixed = true;
            break;
          case 'notYet':
            pending = { left: w.negationWindow };
            break;
        }
        break;
      }
    }
  }
  expireAll();
  return { hits, sentences, clauses, contrasts, mixed };
}
