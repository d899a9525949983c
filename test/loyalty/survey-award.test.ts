import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../../worker/db/client';
import { runLoyaltyJobs } from '../../worker/loyalty/jobs';
import { MISSED_AWARD_WINDOW_MS } from '../../worker/loyalty/survey-link';
import { webhookNotifier } from '../../worker/webhooks/emit';
import { call, newSurvey, newTenant } from '../helpers';
import { countEntries, loyalty, member, ok } from './helpers';

const MINUTE = 60_000;
const runJobs = (now: number) => runLoyaltyJobs(database(env.DB), now, webhookNotifier(database(env.DB), env));

/** Makes every loyalty event insert of one tenant fail, as an outage of the loyalty tables would. */
async function breakLoyaltyEvents(tenantId: string): Promise<() => Promise<void>> {
  await env.DB.prepare(
    `CREATE TRIGGER refuse_events BEFORE INSERT ON loyalty_events WHEN NEW.tenant_id = '${tenantId}'
     BEGIN SELECT RAISE(ABORT, 'loyalty unavailable'); END`,
  ).run();
  return async () => {
    await env.DB.prepare('DROP TRIGGER refuse_events').run();
  };
}

describe('survey_answered awards lost on the write path', { timeout: 60_000 }, () => {
  it('are paid by the scheduled sweep, once, and only within its window', async () => {
    const tenant = await newTenant();
    await ok(loyalty(tenant.secretKey, '/rules', { json: { eventType: 'survey_answered', name: 'Feedback', points: 15 } }), 201);
    const survey = await newSurvey(tenant.secretKey);
    const answer = (id: string, externalId: string, occurredAt?: number) =>
      call('/v1/responses', {
        method: 'POST',
        key: tenant.secretKey,
        json: {
          id,
          surveyId: survey.id,
          score: 9,
          customer: { externalId },
          ...(occurredAt ? { occurredAt: new Date(occurredAt).toISOString() } : {}),
        },
      });

    const repair = await breakLoyaltyEvents(tenant.tenantId);
    const now = Date.now();
    // The answers are stored whatever loyalty does; their awards are lost for now.
    expect((await answer('answer-recent', 'c1')).status).toBe(201);
    expect((await answer('answer-old', 'c2', now - MISSED_AWARD_WINDOW_MS - 10 * MINUTE)).status).toBe(201);
    await repair();
    expect(await countEntries(tenant.tenantId)).toBe(0);

    // A run right away leaves the answer alone: its own request may still be booking it.
    await runJobs(now);
    expect(await countEntries(tenant.tenantId)).toBe(0);

    await runJobs(now + 10 * MINUTE);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(15);
    await runJobs(now + 20 * MINUTE);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(15);
    expect(await countEntries(tenant.tenantId)).toBe(1);
    // An answer older than the window is past retrying.
    expect((await member(tenant.secretKey, 'c2')).available).toBe(0);

    // A replay of the recent answer later changes nothing either.
    expect((await answer('answer-recent', 'c1')).status).toBe(200);
    expect(await countEntries(tenant.tenantId)).toBe(1);
  });
});
