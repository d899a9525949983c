import { z } from 'zod';
import { SENTIMENTS, TOPICS } from '../sentiment/types';
import { Email, ExternalId, Locale, Properties, Timestamp } from '../shared/schemas';

export const CHANNELS = ['api', 'widget', 'email', 'in_app', 'sms', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const DEVICES = ['mobile', 'tablet', 'desktop'] as const;
export const Device = z.enum(DEVICES);
export type Device = z.infer<typeof Device>;

export const CATEGORIES = ['promoter', 'passive', 'detractor'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export { SENTIMENTS, TOPICS };
export const Sentiment = z.enum(SENTIMENTS).meta({ description: 'Tone of the comment, analysed when it was written' });
export const Topic = z.enum(TOPICS);

export const MAX_COMMENT_LENGTH = 5000;
export const Comment = z.string().trim().max(MAX_COMMENT_LENGTH);

/** Identifies (and upserts) the customer who answered. */
export const CustomerRef = z
  .strictObject({
    externalId: ExternalId.optional(),
    email: Email.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    locale: Locale.optional(),
  })
  .refine((ref) => ref.externalId !== undefined || ref.email !== undefined, 'externalId or email is required');
export type CustomerRef = z.infer<typeof CustomerRef>;

const Url = z.url().max(2000);

export const ClientId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[\w\-:.]+$/, 'only letters, digits and _-:.')
  .meta({ description: 'Your id for this answer. Submitting the same id again returns the stored response and writes nothing.' });

export const CreateResponse = z.strictObject({
  id: ClientId.optional(),
  surveyId: z.string().min(1).max(64),
  score: z.number().int(),
  comment: Comment.optional(),
  customer: CustomerRef.optional(),
  channel: Channel.default('api'),
  locale: Locale.optional(),
  pageUrl: Url.optional(),
  referrer: Url.optional(),
  device: Device.optional(),
  properties: Properties.optional(),
  occurredAt: Timestamp.optional().meta({ description: 'When the answer was given, for imports; defaults to now.' }),
});
export type CreateResponse = z.infer<typeof CreateResponse>;

export const UpdateResponseComment = z.strictObject({ comment: Comment.nullable() });

export const ResponseListQuery = z.object({
  surveyId: z.string().max(64).optional(),
  customerId: z.string().max(64).optional(),
  channel: Channel.optional(),
  category: Category.optional(),
  hasComment: z.enum(['true', 'false']).optional(),
  sentiment: Sentiment.optional().meta({ description: 'Only responses whose comment has this tone' }),
  topic: Topic.optional().meta({ description: 'Only responses whose comment is about this topic' }),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ResponseListQuery = z.infer<typeof ResponseListQuery>;

export const SurveyResponse = z.object({
  id: z.string(),
  clientId: z.string(),
  surveyId: z.string(),
  customerId: z.string().nullable(),
  score: z.number().int(),
  category: Category.nullable(),
  comment: z.string().nullable(),
  sentiment: Sentiment.nullable().meta({ description: 'Null without a comment' }),
  sentimentScore: z.number().min(-1).max(1).nullable().meta({ description: '−1 (very negative) … 1 (very positive); null without a comment' }),
  topics: z.array(Topic).meta({ description: 'What the comment is about (service, product, delivery, price); empty without a comment' }),
  channel: Channel,
  locale: z.string().nullable(),
  pageUrl: z.string().nullable(),
  referrer: z.string().nullable(),
  device: Device.nullable(),
  properties: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** What the embeddable widget posts (as text/plain, to avoid a CORS preflight). */
export const PublicResponse = z.strictObject({
  key: z.string().min(1).max(100),
  id: ClientId,
  surveyId: z.string().min(1).max(64),
  score: z.number().int(),
  comment: Comment.optional(),
  locale: Locale.optional(),
  pageUrl: Url.optional(),
  referrer: Url.optional(),
  device: Device.optional(),
  visitorId: z.string().max(100).optional(),
  customer: CustomerRef.optional(),
  properties: Properties.optional(),
  /** Honeypot: invisible to people, filled in by naive bots. */
  hp: z.string().max(500).optional(),
});
export type PublicResponse = z.infer<typeof PublicResponse>;
