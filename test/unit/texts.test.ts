import { describe, expect, it } from 'vitest';
import { followUpPrompt, resolveTexts } from '../../worker/surveys/texts';

const base = { question: 'Q', followUp: { default: 'Why?' }, thankYou: 'Thanks' };
const texts = { en: base, ru: { ...base, question: 'Вопрос', followUp: { default: 'Почему?', detractor: 'Что не так?' } } };

describe('resolveTexts', () => {
  it('prefers the wanted language, then the tenant default, then the first locale', () => {
    expect(resolveTexts(texts, 'ru-RU', 'en').locale).toBe('ru');
    expect(resolveTexts(texts, 'de', 'en').locale).toBe('en');
    expect(resolveTexts({ ru: texts.ru }, 'de', 'en').locale).toBe('ru');
    expect(resolveTexts(texts, undefined, 'ru').texts.question).toBe('Вопрос');
  });
});

describe('followUpPrompt', () => {
  it('uses the category prompt when there is one', () => {
    expect(followUpPrompt(texts.ru, 'detractor')).toBe('Что не так?');
    expect(followUpPrompt(texts.ru, 'promoter')).toBe('Почему?');
  });
});
