import { describe, expect, it } from 'vitest';
import { ces } from '../../worker/metrics/ces';
import { countScores } from '../../worker/metrics/counts';
import { csat, wilson } from '../../worker/metrics/csat';
import { dismissalRate, responseRate } from '../../worker/metrics/rates';
import { MIN_SEGMENT_SIZE, segmentTable } from '../../worker/metrics/segments';
import { categorize } from '../../worker/responses/scoring';

const csatCounts = (scores: number[]) => countScores(scores, (score) => categorize('csat', score));
const cesCounts = (scores: number[]) => countScores(scores, (score) => categorize('ces', score));

describe('CSAT', () => {
  it('is the share of 4–5 with a Wilson interval', () => {
    // 8 of 10 satisfied: p = 0.8, z² = 3.8415, centre = (0.8 + 0.19207)/1.38415 = 0.71673,
    // half = 1.95996/1.38415 · √(0.016 + 0.0096037) = 0.22658 → [49.02 %, 94.33 %].
    const result = csat(csatCounts([5, 5, 4, 4, 4, 5, 4, 4, 3, 1]))!;
    expect(result).toMatchObject({ n: 10, satisfied: 8, score: 80 });
    expect(result.interval.low).toBeCloseTo(49.02, 2);
    expect(result.interval.high).toBeCloseTo(94.33, 2);
  });

  it('is null for an empty period and bounded for one answer', () => {
    expect(csat(csatCounts([]))).toBeNull();
    const one = csat(csatCounts([5]))!;
    // 1 of 1: centre = (1 + 1.92073)/4.84146 = 0.60327, half = 0.39673 → [20.65 %, 100 %].
    expect(one.score).toBe(100);
    expect(one.interval.low).toBeCloseTo(20.65, 2);
    expect(one.interval.high).toBeCloseTo(100, 6);
  });

  it('Wilson never leaves 0…1', () => {
    expect(wilson(0, 3).low).toBe(0);
    expect(wilson(3, 3).high).toBe(1);
  });
});

describe('CES', () => {
  it('is the mean with a Student-t interval', () => {
    // 5, 6, 7: mean 6, s = 1, t(2) = 4.303, half = 4.303/√3 = 2.48434 → [3.5157, 8.4843].
    const result = ces(cesCounts([5, 6, 7]))!;
    expect(result.mean).toBe(6);
    expect(result.interval!.low).toBeCloseTo(3.5157, 3);
    expect(result.interval!.high).toBeCloseTo(8.4843, 3);
  });

  it('is null for an empty period; one answer has a mean but no interval', () => {
    expect(ces(cesCounts([]))).toBeNull();
    expect(ces(cesCounts([4]))).toEqual({ n: 1, mean: 4, interval: null });
  });
});

describe('rates', () => {
  it('response rate = answered ÷ displayed (widget) + answered ÷ sent (email)', () => {
    const widget = { answered: 30, displayed: 100, dismissed: 20, sent: 0 };
    const email = { answered: 10, displayed: 0, dismissed: 0, sent: 50 };
    expect(responseRate(widget, email)).toEqual({ numerator: 40, denominator: 150, rate: 40 / 150 });
    expect(dismissalRate(widget)).toEqual({ numerator: 20, denominator: 100, rate: 0.2 });
  });

  it('is null when nothing was shown or sent', () => {
    const none = { answered: 3, displayed: 0, dismissed: 0, sent: 0 };
    expect(responseRate(none, none).rate).toBeNull();
    expect(dismissalRate(none).rate).toBeNull();
  });
});

describe('segment table', () => {
  it('gives n and flags segments under 30 answers', () => {
    const big = countScores([...Array(20).fill(10), ...Array(10).fill(3)], (score) => categorize('nps', score));
    const small = countScores([10, 0], (score) => categorize('nps', score));
    const rows = segmentTable('nps', [
      { dimension: 'channel', value: 'email', counts: small },
      { dimension: 'channel', value: 'widget', counts: big },
      { dimension: 'channel', value: 'sms', counts: countScores([], () => 'passive') },
    ]);
    expect(MIN_SEGMENT_SIZE).toBe(30);
    expect(rows.map((row) => [row.value, row.n, row.tooSmall])).toEqual([
      ['widget', 30, false],
      ['email', 2, true],
    ]);
    // 20 promoters, 10 detractors of 30 → 33.33.
    expect(rows[0]!.nps!.score).toBeCloseTo(33.333, 2);
    expect(rows[1]!.nps!.score).toBe(0);
    expect(rows[0]!.csat).toBeNull();
  });
});
