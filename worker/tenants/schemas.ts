import { z } from 'zod';
import { Email, Locale } from '../shared/schemas';

export const ROLES = ['owner', 'admin', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const API_KEY_KINDS = ['secret', 'publishable'] as const;
export const ApiKeyKind = z.enum(API_KEY_KINDS);
export type ApiKeyKind = z.infer<typeof ApiKeyKind>;

export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const Signup = z.strictObject({
  tenantName: z.string().trim().min(1).max(200),
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.default('en'),
});

export const Login = z.strictObject({ email: Email, password: z.string().min(1).max(200) });

const Timezone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');

/** An origin such as `https://shop.example` (scheme, host and optional port; no path). */
export const Origin = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'expected an origin such as https://shop.example');

export const MAX_ALERT_RECIPIENTS = 20;
export const AlertRecipients = z
  .array(Email)
  .max(MAX_ALERT_RECIPIENTS)
  .transform((emails) => [...new Set(emails)])
  .meta({
    description: 'Who gets an email when a detractor score or a negative comment arrives (a digest when many arrive at once); [] for nobody',
  });

export const UpdateTenant = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    defaultLocale: Locale,
    timezone: Timezone,
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as EUR'),
    allowedOrigins: z.array(Origin).max(50),
    alertRecipients: AlertRecipients,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to update');

export const Tenant = z.object({
  id: z.string(),
  name: z.string(),
  defaultLocale: z.string(),
  timezone: z.string(),
  currency: z.string(),
  allowedOrigins: z.array(z.string()),
  alertRecipients: z.array(z.string()).meta({ description: 'Who gets detractor alert emails' }),
  createdAt: z.string(),
});

export const CreateMember = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200).optional(),
  role: Role,
  password: Password.meta({ description: 'Initial password; share it with the member out of band.' }),
});

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: Role,
  createdAt: z.string(),
});

export const CreateApiKey = z.strictObject({ name: z.string().trim().min(1).max(100), kind: ApiKeyKind });

export const ApiKey = z.object({
  id: z.string(),
  kind: ApiKeyKind,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
