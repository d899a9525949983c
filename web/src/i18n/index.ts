import { en, type MessageKey } from './en';
import { ru } from './ru';

export type { MessageKey };
export const UI_LANGUAGES = ['en', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { en, ru };
const STORAGE_KEY = 'rapport.lang';

let current: UiLanguage = 'en';

export const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

/** The user's explicit choice, else the workspace default, else the browser's language, else English. */
export function pickLanguage(tenantDefault?: string): UiLanguage {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be blocked; fall through to the other sources
  }
  if (isUiLanguage(stored)) return stored;
  if (isUiLanguage(tenantDefault)) return tenantDefault;
  const browser = navigator.language.slice(0, 2);
  return isUiLanguage(browser) ? browser : 'en';
}

export function setLanguage(language: UiLanguage, remember = false): void {
  current = language;
  document.documentElement.lang = language;
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered; the choice still applies to this visit
  }
}

export const language = (): UiLanguage => current;

/** The UI string for `key`, with `{name}` placeholders replaced from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[current][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, digits = 0): string {
  const id = `${current}:${digits}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(current, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(id, format);
  }
  return format.format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium' }).format(new Date(iso));
}
