import { z } from 'zod';
import { Email, ExternalId, IsoDate, Locale, Properties } from '../shared/schemas';

const CustomerFields = z.strictObject({
  externalId: ExternalId,
  email: Email,
  name: z.string().trim().min(1).max(200),
  locale: Locale,
  birthday: IsoDate,
  properties: Properties,
});

export const UpsertCustomer = CustomerFields.partial().refine(
  (input) => input.externalId !== undefined || input.email !== undefined,
  'externalId or email is required',
);
export type UpsertCustomer = z.infer<typeof UpsertCustomer>;

export const UpdateCustomer = CustomerFields.partial().refine((patch) => Object.keys(patch).length > 0, 'nothing to update');

export const CustomerListQuery = z.object({
  email: z.string().max(254).optional(),
  externalId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const Customer = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  locale: z.string().nullable(),
  birthday: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  erased: z.boolean(),
});
export type Customer = z.infer<typeof Customer>;
