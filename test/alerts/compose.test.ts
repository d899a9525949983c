import { describe, expect, it } from 'vitest';
import { composeAlertEmail, DIGEST_LIST_LIMIT } from '../../worker/alerts/compose';
import type { PendingAlert } from '../../worker/alerts/repository';
import { rankTopics, sentimentShare } from '../../worker/metrics/comment-metrics';

const alert = (overrides: Partial<PendingAlert> = {}): PendingAlert => ({
  responseId: 'rsp_1',
  baseUrl: 'https://app.rapport.test',
  detractorScore: true,
  negativeComment: false,
  score: 4,
  comment: null,
  sentiment: null,
  topics: [],
  surveyName: 'Checkout NPS',
  surveyKind: 'nps',
  createdAt: 0,
  ...overrides,
});
const from = { email: 'alerts@rapport.test', name: 'Rapport' };

describe('alert emails', () => {
  it('escape what customers wrote in the HTML part and keep it verbatim in the text part', async () => {
    const comment = '<script>alert(1)</script> & "quotes"';
    const email = await composeAlertEmail({
      tenantName: 'Acme <b>',
      locale: 'en',
      from,
      digest: false,
      alerts: [alert({ comment })],
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(email.html).toContain('Acme &lt;b&gt;');
    expect(email.text).toContain(`“${comment}”`);
    expect(email.text).toContain('Open the response: https://app.rapport.test/responses/rsp_1');
  });

  it('speak Russian with its plural forms, and list at most the limit in a digest', async () => {
    const subject = async (count: number) =>
      (
        await composeAlertEmail({
          tenantName: 'Ромашка',
          locale: 'ru-RU',
          from,
          digest: true,
          alerts: Array.from({ length: count }, (_, i) => alert({ responseId: `rsp_${i}` })),
        })
      ).subject;
    expect(await subject(1)).toBe('Ещё 1 тревожный ответ');
    expect(await subject(3)).toBe('Ещё 3 тревожных ответа');
    expect(await subject(11)).toBe('Ещё 11 тревожных ответов');
    expect(await subject(21)).toBe('Ещё 21 тревожный ответ');

    const many = Array.from({ length: DIGEST_LIST_LIMIT + 7 }, (_, i) =>
      alert({ responseId: `rsp_${i}`, sentiment: 'negative', topics: ['price'] }),
    );
    const digest = await composeAlertEmail({ tenantName: 'Acme', locale: 'en', from, digest: true, alerts: many });
    expect(digest.text.match(/Open the response:/g)).toHaveLength(DIGEST_LIST_LIMIT);
    expect(digest.text).toContain('…and 7 more.');
    expect(digest.text).toContain('NPS score 4 · Checkout NPS · negative comment · Topics: price');
  });
});

describe('comment metrics', () => {
  it('turn counts into shares (null without comments) and rank topics by detractor mentions', () => {
    expect(sentimentShare({ positive: 0, neutral: 0, negative: 0 })).toBeNull();
    expect(sentimentShare({ positive: 1, neutral: 1, negative: 2 })).toEqual({
      positive: 0.25,
      neutral: 0.25,
      negative: 0.5,
      n: 4,
    });
    expect(
      rankTopics(
        new Map([
          ['price', 2],
          ['delivery', 5],
          ['service', 2],
          ['product', 0],
        ]),
      ),
    ).toEqual([
      { topic: 'delivery', count: 5 },
      { topic: 'price', count: 2 },
      { topic: 'service', count: 2 },
    ]);
  });
});
