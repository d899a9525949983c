import { describe, expect, it } from 'vitest';
import { categorize } from '../../worker/responses/scoring';
import { Email } from '../../worker/shared/schemas';
import { tenants } from '../../worker/db/schema';
import { generateComment } from '../../scripts/seed/comments';
import { generateCustomers } from '../../scripts/seed/customers';
import { DATA_SEED, demoOrigins } from '../../scripts/seed/demo-tenant';
import { Prng } from '../../scripts/seed/prng';
import { generateResponses, RESPONSE_COUNTS, type DemoResponse } from '../../scripts/seed/responses';
import { queryBuilder, toSqlText } from '../../scripts/seed/sql';

const NOW = Date.UTC(2026, 10, 23, 12);
const YEAR_MS = 365 * 86_400_000;

function generate(seed = DATA_SEED) {
  const rng = new Prng(seed);
  const customers = generateCustomers(rng, 600);
  return { customers, responses: generateResponses(rng, customers, NOW) };
}

/** Net promoter score in points of the given NPS responses. */
const nps = (rows: DemoResponse[]) =>
  (100 * (rows.filter((row) => row.category === 'promoter').length - rows.filter((row) => row.category === 'detractor').length)) / rows.length;

describe('demo seed data', () => {
  const { customers, responses } = generate();
  const npsResponses = responses.filter((row) => row.kind === 'nps');

  it('is the same for the same seed and different for another', () => {
    expect(generate()).toEqual({ customers, responses });
    expect(generate(DATA_SEED + 1).responses).not.toEqual(responses);
  });

  it('has valid, unique customers', () => {
    expect(new Set(customers.map((customer) => customer.email)).size).toBe(600);
    expect(new Set(customers.map((customer) => customer.externalId)).size).toBe(600);
    for (const customer of customers) expect(Email.parse(customer.email)).toBe(customer.email);
    expect(new Set(customers.map((customer) => customer.locale))).toEqual(new Set(['ru', 'en']));
  });

  it('spreads 2,000 responses over the last year, each scored on its scale with a unique client id', () => {
    expect(responses).toHaveLength(RESPONSE_COUNTS.nps + RESPONSE_COUNTS.csat);
    expect(RESPONSE_COUNTS.nps + RESPONSE_COUNTS.csat).toBe(2_000);
    expect(new Set(responses.map((row) => row.clientId)).size).toBe(2_000);
    for (const row of responses) {
      expect(row.category).toBe(categorize(row.kind, row.score));
      expect(row.createdAt).toBeLessThan(NOW);
      expect(row.createdAt).toBeGreaterThan(NOW - YEAR_MS - 86_400_000);
    }
    expect(new Set(responses.map((row) => row.channel))).toEqual(new Set(['widget', 'email', 'api']));
  });

  it('shows NPS rising from about 5 to about 35 over the year', () => {
    const firstQuarter = npsResponses.filter((row) => row.createdAt < NOW - 0.75 * YEAR_MS);
    const lastQuarter = npsResponses.filter((row) => row.createdAt >= NOW - 0.25 * YEAR_MS);
    expect(nps(firstQuarter)).toBeGreaterThan(-5);
    expect(nps(firstQuarter)).toBeLessThan(15);
    expect(nps(lastQuarter)).toBeGreaterThan(25);
    expect(nps(lastQuarter)).toBeLessThan(45);
  });

  it('makes pro customers happier than basic ones and Kazakhstan the unhappiest country', () => {
    const segment = (key: 'plan' | 'country', value: string) => nps(npsResponses.filter((row) => row.properties[key] === value));
    expect(segment('plan', 'pro') - segment('plan', 'basic')).toBeGreaterThan(8);
    expect(segment('country', 'RU') - segment('country', 'KZ')).toBeGreaterThan(10);
  });

  it('comments about 40 % of answers, in the respondent’s language', () => {
    const commented = responses.filter((row) => row.comment !== null);
    expect(commented.length / responses.length).toBeGreaterThan(0.35);
    expect(commented.length / responses.length).toBeLessThan(0.45);
    for (const row of commented) expect(/[а-яё]/i.test(row.comment!)).toBe(row.locale === 'ru');
    expect(new Set(commented.map((row) => row.comment)).size).toBeGreaterThan(commented.length * 0.6);
  });

  it('writes comments whose tone follows the score', () => {
    const rng = new Prng(1);
    const context = { locale: 'en', country: 'RU', plan: 'pro' } as const;
    const promoters = Array.from({ length: 200 }, () => generateComment(rng, { ...context, category: 'promoter' })).join(' ');
    const detractors = Array.from({ length: 200 }, () => generateComment(rng, { ...context, category: 'detractor' })).join(' ');
    expect(promoters).not.toMatch(/terrible|awful|never again|do not recommend/i);
    expect(detractors).not.toMatch(/excellent|love it|highly recommend/i);
  });
});

describe('seed SQL', () => {
  it('inlines parameters as escaped literals', () => {
    const sql = toSqlText(queryBuilder.insert(tenants).values({ id: 'ten_1', name: "O'Hara's ? shop", allowedOrigins: ['http://a'], createdAt: 5 }));
    expect(sql).toBe(
      `insert into "tenants" ("id", "name", "default_locale", "timezone", "currency", "allowed_origins", "alert_recipients", "created_at") ` +
        `values ('ten_1', 'O''Hara''s ? shop', 'en', 'UTC', 'USD', '["http://a"]', '[]', 5);`,
    );
  });

  it('allows both hosts of the default and the configured demo port', () => {
    expect(demoOrigins(8788)).toEqual(['http://127.0.0.1:8788', 'http://localhost:8788']);
    expect(demoOrigins(9000)).toEqual(['http://127.0.0.1:8788', 'http://localhost:8788', 'http://127.0.0.1:9000', 'http://localhost:9000']);
  });
});
