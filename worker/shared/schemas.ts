import { z } from 'zod';

/** Two-letter language code ("en", "ru"); survey texts and UI strings are keyed by it. */
export const Locale = z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code such as "en"');

export const MAX_PROPERTIES_BYTES = 4096;

/** Free-form key/value data on customers and responses, bounded so one row cannot bloat a tenant. */
export const Properties = z
  .record(z.string().min(1).max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 properties')
  .refine((value) => new TextEncoder().encode(JSON.stringify(value)).length <= MAX_PROPERTIES_BYTES, {
    message: `properties must serialise to at most ${MAX_PROPERTIES_BYTES} bytes`,
  });
export type Properties = z.infer<typeof Properties>;

export const Email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

/** An opaque id: letters, digits and `_-:.`, as produced by other systems. */
export const ExternalId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w\-:.@]+$/, 'only letters, digits and _-:.@');

export const IsoDate = z.iso.date();
export const Timestamp = z.iso.datetime({ offset: true });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const IdParam = z.object({ id: z.string().min(1).max(64) });
