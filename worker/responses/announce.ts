import type { Context } from 'hono';
import type { responses } from '../db/schema';
import type { AppEnv } from '../env';
import { requestNotifier } from '../webhooks/emit';
import { responseView } from './repository';

export type ResponseCreated = (row: typeof responses.$inferSelect) => void;

/** Emits `response.created` after the HTTP response is sent, so the ingest path does not wait for it. */
export const announceCreatedResponses =
  (c: Context<AppEnv>): ResponseCreated =>
  (row) =>
    c.executionCtx.waitUntil(requestNotifier(c)(row.tenantId, 'response.created', responseView(row)));
