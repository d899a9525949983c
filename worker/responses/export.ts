import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers, responses } from '../db/schema';
import { encodeCursor, pageAfter } from '../shared/cursor';
import { toIso } from '../shared/time';
import { CSV_BOM, csvRow } from './csv';
import { responseFilters, type ResponseFilters } from './repository';

const HEADER = [
  'id',
  'created_at',
  'survey_id',
  'score',
  'category',
  'comment',
  'channel',
  'locale',
  'device',
  'page_url',
  'customer_id',
  'customer_external_id',
  'customer_email',
];
const BATCH = 1000;

/** Streams every matching response as CSV, a keyset page at a time, so memory stays flat for any tenant size. */
export function exportResponsesCsv(db: Database, tenantId: string, filters: ResponseFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(HEADER)));
      }
      const { where, orderBy } = pageAfter(responses, cursor);
      const rows = await db
        .select({ response: responses, externalId: customers.externalId, email: customers.email })
        .from(responses)
        .leftJoin(customers, and(eq(customers.tenantId, responses.tenantId), eq(customers.id, responses.customerId)))
        .where(and(responseFilters(tenantId, filters), where))
        .orderBy(...orderBy)
        .limit(BATCH);
      const text = rows
        .map(({ response: r, externalId, email }) =>
          csvRow([
            r.id,
            toIso(r.createdAt),
            r.surveyId,
            r.score,
            r.category,
            r.comment,
            r.channel,
            r.locale,
            r.device,
            r.pageUrl,
            r.customerId,
            externalId,
            email,
          ]),
        )
        .join('');
      if (text) controller.enqueue(encoder.encode(text));
      const last = rows[rows.length - 1]?.response;
      if (rows.length < BATCH || !last) controller.close();
      else cursor = encodeCursor(last);
    },
  });
}
