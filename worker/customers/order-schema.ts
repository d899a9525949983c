import { z } from 'zod';

/** An order as reported to the loyalty API (the only record of orders Rapport keeps). */
export const CustomerOrder = z.object({
  orderId: z.string(),
  currency: z.string(),
  total: z.number().int().meta({ description: 'Minor units' }),
  refunded: z.number().int().meta({ description: 'Minor units' }),
  pointsAwarded: z.number().int(),
  pointsReversed: z.number().int(),
  createdAt: z.string(),
});
