import type { Rounding } from './schemas';

/** Digits after the decimal point of `currency` (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer division with the programme's rounding, exact for any size (BigInt). */
function divide(numerator: bigint, denominator: bigint, rounding: Rounding): number {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return Number(quotient);
  if (rounding === 'floor') return Number(quotient);
  if (rounding === 'ceil') return Number(quotient + 1n);
  return Number(remainder * 2n >= denominator ? quotient + 1n : quotient);
}

/** Rates and multipliers are decimals; scaling them to integers keeps the arithmetic exact. */
const RATE_SCALE = 10_000;

/**
 * Points for a purchase: rate (points per whole currency unit) × eligible amount (minor units)
 * × tier multiplier (percent), rounded once at the end.
 */
export function purchasePoints(input: {
  eligibleMinor: number;
  exponent: number;
  rate: number;
  multiplierPercent: number;
  rounding: Rounding;
}): number {
  const numerator = BigInt(Math.round(input.rate * RATE_SCALE)) * BigInt(input.eligibleMinor) * BigInt(input.multiplierPercent);
  const denominator = BigInt(RATE_SCALE) * 10n ** BigInt(input.exponent) * 100n;
  return divide(numerator, denominator, input.rounding);
}

/** Fixed points scaled by a tier multiplier (percent). */
export const multiplied = (points: number, multiplierPercent: number, rounding: Rounding): number =>
  divide(BigInt(points) * BigInt(multiplierPercent), 100n, rounding);

/** The part of an order's total that earns points under the programme settings. */
export function eligibleAmount(order: { total: number; shipping: number; tax: number }, exclude: { shipping: boolean; tax: boolean }): number {
  return order.total - (exclude.shipping ? order.shipping : 0) - (exclude.tax ? order.tax : 0);
}

/**
 * Points to take back for a refund. Reversal is computed cumulatively (all refunds so far) and
 * rounded down, so partial refunds never reverse more in total than a full refund would, and
 * the last refund up to the total reverses exactly what is left.
 */
export function refundReversal(order: { total: number; refunded: number; pointsAwarded: number; pointsReversed: number }, amount: number): number {
  const refundedAfter = order.refunded + amount;
  const reversedAfter = Number((BigInt(order.pointsAwarded) * BigInt(refundedAfter)) / BigInt(order.total));
  return Math.max(0, reversedAfter - order.pointsReversed);
}

export interface LotBalance {
  id: string;
  remaining: number;
}
export interface LotTake {
  lotId: string;
  take: number;
}

/** Takes up to `points` from `lots` in the order given (oldest first); returns the takes and what they cover. */
export function planSpend(lots: LotBalance[], points: number): { takes: LotTake[]; covered: number } {
  const takes: LotTake[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) takes.push({ lotId: lot.id, take });
    left -= take;
  }
  return { takes, covered: points - left };
}

/** Same day of month N months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(millis: number, months: number): number {
  const date = new Date(millis);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** Cap buckets (UTC) for a moment: "d:2026-11-23" and "m:2026-11". */
export function capPeriods(millis: number): { day: string; month: string } {
  const iso = new Date(millis).toISOString();
  return { day: `d:${iso.slice(0, 10)}`, month: `m:${iso.slice(0, 7)}` };
}

/** When a lot earned at `earnedAt` expires under the per-lot policy; null under the others. */
export function lotExpiry(policy: { expiryPolicy: string; expiryMonths: number }, earnedAt: number): number | null {
  return policy.expiryPolicy === 'lot' ? addMonths(earnedAt, policy.expiryMonths) : null;
}
