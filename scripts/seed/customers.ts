import type { Prng } from './prng';

export const PLANS = ['basic', 'pro', 'business'] as const;
export type Plan = (typeof PLANS)[number];

export const COUNTRIES = ['RU', 'KZ', 'BY', 'AM', 'DE', 'RS'] as const;
export type Country = (typeof COUNTRIES)[number];

export type DemoLocale = 'ru' | 'en';

export interface DemoCustomer {
  externalId: string;
  email: string;
  name: string;
  locale: DemoLocale;
  birthday: string | null;
  plan: Plan;
  country: Country;
  /** Marketing source, a plausible extra property to filter by. */
  source: string;
}

/** [Cyrillic, Latin] pairs; the Latin form builds the email address. */
type Name = readonly [string, string];

const RU_MALE_FIRST: Name[] = [
  ['Александр', 'aleksandr'], ['Дмитрий', 'dmitry'], ['Максим', 'maksim'], ['Сергей', 'sergey'], ['Андрей', 'andrey'],
  ['Алексей', 'aleksey'], ['Иван', 'ivan'], ['Никита', 'nikita'], ['Михаил', 'mikhail'], ['Егор', 'egor'],
  ['Артём', 'artem'], ['Павел', 'pavel'], ['Роман', 'roman'], ['Кирилл', 'kirill'], ['Олег', 'oleg'], ['Тимур', 'timur'],
];
const RU_FEMALE_FIRST: Name[] = [
  ['Анна', 'anna'], ['Мария', 'maria'], ['Елена', 'elena'], ['Ольга', 'olga'], ['Наталья', 'natalya'], ['Екатерина', 'ekaterina'],
  ['Татьяна', 'tatyana'], ['Ирина', 'irina'], ['Светлана', 'svetlana'], ['Юлия', 'yulia'], ['Дарья', 'darya'],
  ['Алина', 'alina'], ['Ксения', 'ksenia'], ['Полина', 'polina'], ['Виктория', 'viktoria'], ['Айгерим', 'aigerim'],
];
/** Male and female forms of each surname. */
const RU_SURNAMES: readonly [string, string, string][] = [
  ['Иванов', 'Иванова', 'ivanov'], ['Смирнов', 'Смирнова', 'smirnov'], ['Кузнецов', 'Кузнецова', 'kuznetsov'],
  ['Попов', 'Попова', 'popov'], ['Васильев', 'Васильева', 'vasilyev'], ['Петров', 'Петрова', 'petrov'],
  ['Соколов', 'Соколова', 'sokolov'], ['Михайлов', 'Михайлова', 'mikhaylov'], ['Новиков', 'Новикова', 'novikov'],
  ['Фёдоров', 'Фёдорова', 'fedorov'], ['Морозов', 'Морозова', 'morozov'], ['Волков', 'Волкова', 'volkov'],
  ['Алексеев', 'Алексеева', 'alekseev'], ['Лебедев', 'Лебедева', 'lebedev'], ['Семёнов', 'Семёнова', 'semenov'],
  ['Егоров', 'Егорова', 'egorov'], ['Павлов', 'Павлова', 'pavlov'], ['Козлов', 'Козлова', 'kozlov'],
  ['Нурланов', 'Нурланова', 'nurlanov'], ['Саргсян', 'Саргсян', 'sargsyan'],
];
const EN_FIRST = [
  'James', 'Emma', 'Oliver', 'Sophie', 'Daniel', 'Laura', 'Lukas', 'Anna', 'Thomas', 'Julia', 'Michael', 'Hannah',
  'David', 'Sarah', 'Jonas', 'Lena', 'Marko', 'Milica', 'Stefan', 'Jelena', 'Peter', 'Claire', 'Felix', 'Mia',
];
const EN_SURNAMES = [
  'Smith', 'Müller', 'Schmidt', 'Brown', 'Wilson', 'Fischer', 'Weber', 'Taylor', 'Meyer', 'Wagner', 'Jovanović',
  'Petrović', 'Nikolić', 'Becker', 'Hoffmann', 'Clark', 'Walker', 'Schulz', 'Evans', 'Koch',
];

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'inbox.example'];
const SOURCES = ['search', 'ads', 'referral', 'social', 'email', 'direct'];

const COUNTRY_WEIGHTS: Record<Country, number> = { RU: 58, KZ: 14, BY: 9, AM: 5, DE: 8, RS: 6 };
/** Customers abroad mostly read English; in the CIS mostly Russian. */
const ENGLISH_SHARE: Record<Country, number> = { RU: 0.06, KZ: 0.12, BY: 0.05, AM: 0.3, DE: 0.85, RS: 0.8 };

const latin = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function personName(rng: Prng, locale: DemoLocale): { name: string; emailName: string } {
  if (locale === 'en') {
    const first = rng.pick(EN_FIRST);
    const last = rng.pick(EN_SURNAMES);
    return { name: `${first} ${last}`, emailName: `${latin(first)}.${latin(last)}` };
  }
  const female = rng.chance(0.55);
  const [first, firstLatin] = rng.pick(female ? RU_FEMALE_FIRST : RU_MALE_FIRST);
  const [male, femaleForm, lastLatin] = rng.pick(RU_SURNAMES);
  const emailName = rng.chance(0.5) ? `${firstLatin}.${lastLatin}` : `${firstLatin.charAt(0)}${lastLatin}`;
  return { name: `${first} ${female ? femaleForm : male}`, emailName };
}

function birthday(rng: Prng): string | null {
  if (rng.chance(0.2)) return null;
  const year = rng.int(1962, 2005);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function generateCustomers(rng: Prng, count: number): DemoCustomer[] {
  const usedEmails = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const country = rng.weighted(COUNTRY_WEIGHTS);
    const locale: DemoLocale = rng.chance(ENGLISH_SHARE[country]) ? 'en' : 'ru';
    const { name, emailName } = personName(rng, locale);
    let email = `${emailName}@${rng.pick(EMAIL_DOMAINS)}`;
    if (usedEmails.has(email)) email = email.replace('@', `${rng.int(1, 99)}${index}@`);
    usedEmails.add(email);
    return {
      externalId: `cust-${String(10_001 + index)}`,
      email,
      name,
      locale,
      birthday: birthday(rng),
      plan: rng.weighted<Plan>({ basic: 60, pro: 30, business: 10 }),
      country,
      source: rng.pick(SOURCES),
    };
  });
}
