/** Two-sided 95 % critical value of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** A two-sided 95 % confidence interval, on the same scale as the estimate it belongs to. */
export interface Interval {
  low: number;
  high: number;
}

/** Standard normal CDF via the Abramowitz–Stegun 7.1.26 erf approximation (absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-sided p-value of a z statistic. */
export const twoSidedP = (z: number): number => 2 * (1 - normalCdf(Math.abs(z)));

// Two-sided 95 % Student t critical values for 1–30 degrees of freedom; beyond 30 the normal value is within 2 %.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
  2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export const t95 = (degreesOfFreedom: number): number => T95[degreesOfFreedom - 1] ?? Z95;

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Null instead of NaN/Infinity for an empty denominator: an empty period has no value, not zero. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;
