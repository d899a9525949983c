import { z } from 'zod';

export const WEBHOOK_EVENT_TYPES = ['points.earned', 'points.redeemed', 'points.expired', 'tier.changed', 'reward.redeemed', 'response.created', 'response.detractor'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent to one endpoint on request (the dashboard's "send test event"); not subscribable. */
export const TEST_EVENT_TYPE = 'webhook.test';
export const DELIVERY_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** Receivers must be public HTTPS URLs: no plain HTTP, no credentials in the URL. */
const EndpointUrl = z
  .url({ protocol: /^https$/ })
  .max(2000)
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  }, 'must not contain credentials');

export const CreateEndpoint = z.strictObject({
  url: EndpointUrl,
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_EVENT_TYPES.length).default([]),
});
export const UpdateEndpoint = z
  .strictObject({ url: EndpointUrl, events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_EVENT_TYPES.length), active: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to update');

export const Endpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CreatedEndpoint = Endpoint.extend({
  secret: z.string().meta({ description: 'Standard Webhooks signing secret (`whsec_…`); shown only once.' }),
});

export const Delivery = z.object({
  id: z.string(),
  eventType: z.enum(DELIVERY_EVENT_TYPES),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(z.object({ attempt: z.number().int(), statusCode: z.number().int().nullable(), error: z.string().nullable(), at: z.string() })),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
