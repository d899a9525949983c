/**
 * Additive counters of answered responses: what the daily rollups store and what any period sums.
 * `promoters`/`passives`/`detractors` are the top/middle/bottom bands of the survey's own scale
 * (for CSAT the top band is 4–5, for CES 5–7; see responses/scoring.ts).
 */
export interface ScoreCounts {
  answered: number;
  promoters: number;
  passives: number;
  detractors: number;
  scoreSum: number;
  scoreSquares: number;
}

export const EMPTY_COUNTS: ScoreCounts = { answered: 0, promoters: 0, passives: 0, detractors: 0, scoreSum: 0, scoreSquares: 0 };

export function addCounts(a: ScoreCounts, b: ScoreCounts): ScoreCounts {
  return {
    answered: a.answered + b.answered,
    promoters: a.promoters + b.promoters,
    passives: a.passives + b.passives,
    detractors: a.detractors + b.detractors,
    scoreSum: a.scoreSum + b.scoreSum,
    scoreSquares: a.scoreSquares + b.scoreSquares,
  };
}

/** Counters of the given scores, banded by `categorize` (for fixtures and for a single response). */
export function countScores(
  scores: readonly number[],
  band: (score: number) => 'promoter' | 'passive' | 'detractor',
): ScoreCounts {
  let counts = EMPTY_COUNTS;
  for (const score of scores) {
    const category = band(score);
    counts = addCounts(counts, {
      answered: 1,
      promoters: category === 'promoter' ? 1 : 0,
      passives: category === 'passive' ? 1 : 0,
      detractors: category === 'detractor' ? 1 : 0,
      scoreSum: score,
      scoreSquares: score * score,
    });
  }
  return counts;
}
