import type { SurveyKind } from '../surveys/schemas';
import type { Category } from './schemas';

export interface Scale {
  min: number;
  max: number;
  /** Lowest score in the top band (promoters for NPS, satisfied for CSAT, easy for CES). */
  high: number;
  /** Lowest score in the middle band. */
  middle: number;
}

/** NPS 0–10 (9–10 promoter, 7–8 passive); CSAT 1–5 (4–5 satisfied, 3 neutral); CES 1–7, 7 = very easy (5–7 easy, 4 neutral). */
export const SCALES: Record<SurveyKind, Scale> = {
  nps: { min: 0, max: 10, high: 9, middle: 7 },
  csat: { min: 1, max: 5, high: 4, middle: 3 },
  ces: { min: 1, max: 7, high: 5, middle: 4 },
};

export const isScoreInRange = (kind: SurveyKind, score: number): boolean =>
  Number.isInteger(score) && score >= SCALES[kind].min && score <= SCALES[kind].max;

export function categorize(kind: SurveyKind, score: number): Category {
  const scale = SCALES[kind];
  if (score >= scale.high) return 'promoter';
  if (score >= scale.middle) return 'passive';
  return 'detractor';
}
