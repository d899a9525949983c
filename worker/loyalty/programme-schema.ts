import { z } from 'zod';
import { REWARD_KINDS } from './schemas';

/** GET /loyalty/programme: members per tier and redemptions per reward. */
export const ProgrammeOverview = z.object({
  members: z.number().int(),
  tiers: z.array(
    z.object({
      id: z.string().nullable().meta({ description: 'Null: members below the first tier' }),
      name: z.string().nullable(),
      threshold: z.number().int().nullable(),
      members: z.number().int(),
    }),
  ),
  rewards: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(REWARD_KINDS),
      cost: z.number().int(),
      active: z.boolean(),
      issued: z.number().int().meta({ description: 'Redemptions still standing' }),
      cancelled: z.number().int(),
      points: z.number().int().meta({ description: 'Points spent on standing redemptions' }),
    }),
  ),
});
