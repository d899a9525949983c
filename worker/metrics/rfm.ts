/** Per-customer purchase stats that RFM is scored on. */
export interface RfmInput {
  customerId: string;
  /** Epoch ms of the last order; more recent scores higher. */
  lastOrderAt: number;
  orders: number;
  /** Net revenue, minor units. */
  revenue: number;
}

export interface RfmScore {
  customerId: string;
  recency: number;
  frequency: number;
  monetary: number;
  segment: RfmSegment;
}

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** 1–5 from a cumulative distribution value: ceil(5 · P(X ≤ x)). Equal values share one cume-dist, hence one score. */
export const quintileScore = (cumeDist: number): number => Math.min(5, Math.max(1, Math.ceil(5 * cumeDist - 1e-9)));

/** Score of every value by cumulative distribution (the fraction of values ≤ it), not by NTILE buckets. */
export function cumeDistScores(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const atOrBelow = new Map<number, number>();
  sorted.forEach((value, index) => atOrBelow.set(value, index + 1));
  return values.map((value) => quintileScore(atOrBelow.get(value)! / values.length));
}

/**
 * Named segment of an (R, F, M) triple, after the widely used RFM segment grid
 * (recency against the mean of frequency and monetary).
 */
export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegment {
  const fm = (frequency + monetary) / 2;
  if (recency >= 4 && fm >= 4) return 'champions';
  if (recency >= 4 && frequency <= 1) return 'new';
  if (recency >= 3 && fm >= 3) return 'loyal';
  if (recency >= 4 && fm < 3) return 'promising';
  if (recency >= 3) return 'potential_loyalists';
  if (recency <= 1 && fm >= 4) return 'cant_lose';
  if (recency <= 2 && fm >= 3) return 'at_risk';
  if (recency === 2) return 'need_attention';
  return fm >= 2 ? 'hibernating' : 'lost';
}

export function rfmScores(customers: readonly RfmInput[]): RfmScore[] {
  const recency = cumeDistScores(customers.map((c) => c.lastOrderAt));
  const frequency = cumeDistScores(customers.map((c) => c.orders));
  const monetary = cumeDistScores(customers.map((c) => c.revenue));
  return customers.map((customer, i) => ({
    customerId: customer.customerId,
    recency: recency[i]!,
    frequency: frequency[i]!,
    monetary: monetary[i]!,
    segment: rfmSegment(recency[i]!, frequency[i]!, monetary[i]!),
  }));
}
