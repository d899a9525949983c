// Reads shared by the retention, key-customer and loyalty pages.
import { api, ApiError } from '../../api';
import type { CustomersSnapshot } from '../../../../worker/metrics/schemas';

export type { CustomersSnapshot };

/** `null` until the first metrics recompute has written a snapshot (the API answers 404 until then). */
export async function orNotYet<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

export const loadKeyCustomers = () => orNotYet(api<CustomersSnapshot>('/api/customers/key'));
