import { describe, expect, it } from 'vitest';
import { categorize, isScoreInRange } from '../../worker/responses/scoring';

describe('categorize', () => {
  it('bands NPS 0–6 / 7–8 / 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => categorize('nps', s))).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
  it('bands CSAT 1–2 / 3 / 4–5 and CES 1–3 / 4 / 5–7', () => {
    expect([1, 2, 3, 4, 5].map((s) => categorize('csat', s))).toEqual([
      'detractor',
      'detractor',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect([1, 3, 4, 5, 7].map((s) => categorize('ces', s))).toEqual([
      'detractor',
      'detractor',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
});

describe('isScoreInRange', () => {
  it('accepts whole numbers on the scale only', () => {
    expect(isScoreInRange('nps', 0)).toBe(true);
    expect(isScoreInRange('nps', 10)).toBe(true);
    expect(isScoreInRange('nps', 10.5)).toBe(false);
    expect(isScoreInRange('csat', 0)).toBe(false);
    expect(isScoreInRange('ces', 7)).toBe(true);
    expect(isScoreInRange('ces', 8)).toBe(false);
  });
});
