import { describe, expect, it } from 'vitest';
import { inSample, urlMatches } from '../../web/widget/targeting';
import { matchesEtag } from '../../worker/widget/etag';
import { answerWindowStart, mayDisplay, type RecontactRule } from '../../worker/widget/recontact';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

describe('mayDisplay', () => {
  const every30: RecontactRule = { mode: 'every', days: 30 };

  it('shows a survey nobody has seen', () => {
    for (const rule of [every30, { mode: 'once' }, { mode: 'until_answered' }] satisfies RecontactRule[]) {
      expect(mayDisplay(rule, {}, NOW, 7)).toBe(true);
    }
  });

  it('keeps the global cooldown between any two surveys', () => {
    expect(mayDisplay(every30, { lastAnyDisplayAt: NOW - 6 * DAY }, NOW, 7)).toBe(false);
    expect(mayDisplay(every30, { lastAnyDisplayAt: NOW - 7 * DAY }, NOW, 7)).toBe(true);
    expect(mayDisplay({ mode: 'until_answered' }, { lastAnyDisplayAt: NOW - DAY }, NOW, 0)).toBe(true);
  });

  it('applies each recontact mode', () => {
    expect(mayDisplay({ mode: 'once' }, { lastDisplayAt: NOW - 400 * DAY }, NOW, 7)).toBe(false);
    expect(mayDisplay(every30, { lastDisplayAt: NOW - 29 * DAY }, NOW, 7)).toBe(false);
    expect(mayDisplay(every30, { lastDisplayAt: NOW - 30 * DAY }, NOW, 7)).toBe(true);
    expect(mayDisplay({ mode: 'until_answered' }, { lastDisplayAt: NOW - 8 * DAY }, NOW, 7)).toBe(true);
    expect(mayDisplay({ mode: 'until_answered' }, { lastDisplayAt: NOW - 8 * DAY, answeredAt: NOW - 8 * DAY }, NOW, 7)).toBe(false);
  });

  it('treats a second answer as a duplicate within the same window', () => {
    expect(answerWindowStart(every30, NOW)).toBe(NOW - 30 * DAY);
    expect(answerWindowStart({ mode: 'once' }, NOW)).toBe(0);
    expect(answerWindowStart({ mode: 'until_answered' }, NOW)).toBe(0);
  });
});

describe('urlMatches', () => {
  const url = 'https://shop.example/products/42?ref=mail';

  it('matches * against any run of characters over the full URL', () => {
    expect(urlMatches(url, [], [])).toBe(true);
    expect(urlMatches(url, ['https://shop.example/products/*'], [])).toBe(true);
    expect(urlMatches(url, ['*/checkout*'], [])).toBe(false);
    expect(urlMatches(url, ['/products/*'], [])).toBe(false);
    expect(urlMatches(url, ['*'], ['*ref=mail'])).toBe(false);
  });

  it('treats regex characters in patterns literally', () => {
    expect(urlMatches('https://shop.example/a+b', ['https://shop.example/a+b'], [])).toBe(true);
    expect(urlMatches('https://shop.example/aab', ['https://shop.example/a+b'], [])).toBe(false);
    expect(urlMatches('https://shopXexample/', ['https://shop.example/'], [])).toBe(false);
  });
});

describe('inSample', () => {
  const seeds = Array.from({ length: 2000 }, (_, i) => `visitor-${i}srv_abc`);

  it('never picks anyone at 0 % and everyone at 100 %', () => {
    expect(seeds.some((seed) => inSample(seed, 0))).toBe(false);
    expect(seeds.every((seed) => inSample(seed, 100))).toBe(true);
  });

  it('is stable per seed and roughly proportional', () => {
    expect(seeds.map((seed) => inSample(seed, 30))).toEqual(seeds.map((seed) => inSample(seed, 30)));
    const picked = seeds.filter((seed) => inSample(seed, 30)).length / seeds.length;
    expect(picked).toBeGreaterThan(0.2);
    expect(picked).toBeLessThan(0.4);
  });
});

describe('matchesEtag', () => {
  it('accepts lists, weak validators and *', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc", "def"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
