import { describe, expect, it } from 'vitest';
import { analyzeComment, type CommentAnalysis } from '../../worker/sentiment';

const score = (text: string): number => analyzeComment(text).score;
const sentiment = (text: string): CommentAnalysis['sentiment'] => analyzeComment(text).sentiment;
const topics = (text: string): CommentAnalysis['topics'] => analyzeComment(text).topics;
const keywords = (text: string, tenantKeywords: readonly string[]): string[] => analyzeComment(text, { tenantKeywords }).keywords;

describe('analyzeComment: sentiment', () => {
  it.each([
    ['Отличный магазин, всем рекомендую', 'positive'],
    ['Ужасное качество, вещь развалилась', 'negative'],
    ['Получила заказ вчера', 'neutral'],
    ['Great service, really happy with it', 'positive'],
    ['Terrible quality, it broke in a day', 'negative'],
    ['I ordered a lamp on Monday', 'neutral'],
  ] as const)('reads plain tone: %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });

  it.each([
    ['Не рекомендую', 'negative'],
    ['Телефон не включается', 'negative'],
    ['Без проблем, всё пришло целым', 'positive'],
    ['Ни одной царапины', 'positive'],
    ['Претензий нет', 'positive'],
    ['Не очень.', 'negative'],
    ['Not bad at all', 'positive'],
    ["The kettle doesn't work", 'negative'],
    ['No complaints', 'positive'],
    ['Never came back to me', 'negative'],
    ["Wasn't good", 'negative'],
  ] as const)('handles negation: %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });

  it('weights the clause after a contrast more', () => {
    expect(score('Курьер опоздал, но сам товар отличный')).toBeGreaterThan(0);
    expect(score('Товар отличный, но курьер опоздал')).toBeLessThan(score('Курьер опоздал, но сам товар отличный'));
    expect(score('The staff were rude, but the jacket is excellent')).toBeGreaterThan(0);
    expect(score('The jacket is excellent, however the staff were rude')).toBeLessThan(
      score('The staff were rude, but the jacket is excellent'),
    );
    expect(sentiment('Вещь хорошая, зато доставка ужасная')).toBe('negative');
  });

  it('lets a mixed verdict stay neutral', () => {
    expect(sentiment('Кеды отличные, рюкзак плохой. В общем смешанные впечатления')).toBe('neutral');
    expect(sentiment('Lovely towels, awful bath mat. A mixed bag.')).toBe('neutral');
  });

  it('scales tone with intensifiers and softeners', () => {
    expect(score('очень хорошо')).toBeGreaterThan(score('хорошо'));
    expect(score('very good')).toBeGreaterThan(score('good'));
    expect(score('extremely slow')).toBeLessThan(score('slow'));
    expect(score('немного долго')).toBeGreaterThan(score('долго'));
    expect(score('a bit slow')).toBeGreaterThan(score('slow'));
    expect(score('грубоватый продавец')).toBeGreaterThan(score('грубый продавец'));
    expect(sentiment('Staff were too busy to serve me')).toBe('negative');
  });

  it('reads emoji, emoticons, exclamations and caps', () => {
    expect(sentiment('👍')).toBe('positive');
    expect(sentiment('😡')).toBe('negative');
    expect(sentiment('Заказ пришёл 😍')).toBe('positive');
    expect(sentiment('Пришёл заказ))')).toBe('positive');
    expect(sentiment('Опять задержка :(')).toBe('negative');
    expect(score('ОТЛИЧНО!!!')).toBeGreaterThan(score('отлично'));
    expect(score('terrible!!!')).toBeLessThan(score('terrible'));
  });

  it('catches cheap sarcasm', () => {
    expect(sentiment('Спасибо, удружили: заказ потеряли, деньги не вернули')).toBe('negative');
    expect(sentiment('Ну конечно, курьер опять «не нашёл» адрес 🙄')).toBe('negative');
    expect(sentiment('Thanks for the "careful" packing 🙃 half the plates are smashed')).toBe('negative');
    expect(sentiment('Раньше было лучше')).toBe('negative');
    expect(sentiment('Used to be so much better')).toBe('negative');
  });

  it('keeps questions and suggestions neutral', () => {
    expect(sentiment('Можно ли оплатить бонусами?')).toBe('neutral');
    expect(sentiment('Добавьте, пожалуйста, доставку по выходным')).toBe('neutral');
    expect(sentiment('Do you ship to Ireland?')).toBe('neutral');
    expect(sentiment('Please add Apple Pay at checkout')).toBe('neutral');
  });

  it('tolerates common typos and transliteration', () => {
    expect(sentiment('Товар соответсвует описанию, отлично')).toBe('positive');
    expect(sentiment('отвратительое обслуживание')).toBe('negative');
    expect(analyzeComment('vse otlichno, spasibo')).toMatchObject({ language: 'ru', sentiment: 'positive' });
  });

  it('keeps the score within -1..1 and agrees with the label', () => {
    for (const text of ['ужасно ужасно ужасно!!! 😡😡😡', 'AMAZING!!! BEST EVER 😍😍😍🔥🔥', 'ок']) {
      const { score: s, sentiment: label } = analyzeComment(text);
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
      if (label === 'positive') expect(s).toBeGreaterThan(0);
      if (label === 'negative') expect(s).toBeLessThan(0);
    }
  });
});

describe('analyzeComment: topics', () => {
  it.each([
    ['Оператор поддержки ответил за пять минут', ['service']],
    ['Качество ткани отличное, размер подошёл', ['product']],
    ['Курьер привёз заказ вовремя', ['delivery']],
    ['Цены выше, чем у всех', ['price']],
    ['The support team replied within an hour', ['service']],
    ['The jacket fits well and the fabric is soft', ['product']],
    ['Parcel arrived a day early', ['delivery']],
    ['Great discounts for loyalty members', ['price']],
  ] as const)('finds the topic: %s', (text, expected) => {
    expect(topics(text)).toEqual(expected);
  });

  it('adds service to delivery only when the courier’s manners are judged', () => {
    expect(topics('Курьер опоздал на час')).toEqual(['delivery']);
    expect(topics('Курьер нахамил и бросил коробку')).toEqual(['service', 'delivery']);
    expect(topics('The driver was really polite')).toEqual(['service', 'delivery']);
  });

  it('gives payment methods and the app no topic', () => {
    expect(topics('Оплатила картой в приложении')).toEqual([]);
    expect(topics('Please add Apple Pay to the app')).toEqual([]);
  });

  it('reports several topics in a fixed order', () => {
    expect(topics('Fast delivery, fair price, lovely customer service and a quality product')).toEqual([
      'service',
      'product',
      'delivery',
      'price',
    ]);
  });
});

describe('analyzeComment: tenant keywords', () => {
  it('matches by word form, case-insensitively, in either language', () => {
    expect(keywords('Спасибо за быструю доставку!', ['доставка'])).toEqual(['доставка']);
    expect(keywords('Доволен доставкой', ['Доставка'])).toEqual(['Доставка']);
    expect(keywords('Много доставок за неделю', ['доставка'])).toEqual(['доставка']);
    expect(keywords('Курьера не дождалась', ['курьер'])).toEqual(['курьер']);
    expect(keywords('Still waiting for my REFUNDS', ['refund'])).toEqual(['refund']);
    expect(keywords('They refunded me quickly', ['refund'])).toEqual(['refund']);
  });

  it('matches phrases, keeps the given order and spelling, and drops the rest', () => {
    const text = 'Забрала в пункте выдачи, Dyson работает отлично';
    expect(keywords(text, ['dyson', 'пункт выдачи', 'кофе', 'dyson'])).toEqual(['dyson', 'пункт выдачи']);
    expect(keywords(text, [])).toEqual([]);
    expect(keywords(text, ['', '   '])).toEqual([]);
  });

  it('does not match unrelated words that merely start alike', () => {
    expect(keywords('Кассир была вежлива', ['касса', 'cash'])).toEqual(['касса']);
    expect(keywords('The cashier was polite', ['cash'])).toEqual([]);
  });
});

describe('analyzeComment: edge cases', () => {
  it.each(['', '   ', '\n\t '])('handles empty input %j', (text) => {
    expect(analyzeComment(text)).toEqual({ language: 'other', sentiment: 'neutral', score: 0, topics: [], keywords: [] });
  });

  it('handles emoji-only input', () => {
    expect(analyzeComment('👍👍👍')).toMatchObject({ language: 'other', sentiment: 'positive', topics: [] });
    expect(analyzeComment('😡😡')).toMatchObject({ language: 'other', sentiment: 'negative' });
  });

  it('handles mixed Russian and English', () => {
    expect(analyzeComment('Доставка fast, упаковка целая 👌')).toMatchObject({
      language: 'ru',
      sentiment: 'positive',
      topics: ['delivery'],
    });
    expect(analyzeComment('Couldn’t be happier!! spasibo 🙏')).toMatchObject({ language: 'en', sentiment: 'positive' });
  });

  it('handles very long input quickly and deterministically', () => {
    const text = 'Курьер опоздал, но товар отличный. The staff were lovely! '.repeat(20_000);
    const started = Date.now();
    const first = analyzeComment(text, { tenantKeywords: ['курьер', 'staff'] });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(first.keywords).toEqual(['курьер', 'staff']);
    expect(analyzeComment(text, { tenantKeywords: ['курьер', 'staff'] })).toEqual(first);
  });

  it('handles text in other languages and stray symbols', () => {
    expect(analyzeComment('Gracias por todo').language).toBe('other');
    expect(analyzeComment('((( ))) ... !!! ???').language).toBe('other');
    expect(analyzeComment('"незакрытая кавычка и «ёлка» (скобка')).toMatchObject({ language: 'ru' });
  });
});
