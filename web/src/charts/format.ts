import { formatNumber, language } from '../i18n';

/** 0.423 → "42.3%"; null → "—" (no data is never shown as 0). */
export const formatShare = (share: number | null, digits = 1): string =>
  share === null ? '—' : `${formatNumber(100 * share, digits)}%`;

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  const id = `${language()}:${currency}`;
  let format = moneyFormats.get(id);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language(), { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat(language(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(id, format);
  }
  return format;
}

/** An amount in minor units of `currency` (cents, kopecks; yen have none), e.g. 12345 USD → "$123.45". */
export function formatMinor(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  const format = moneyFormat(currency);
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** exponent);
}

/** An amount already in whole currency units, e.g. a liability of 12.5 EUR. */
export const formatMoney = (amount: number, currency: string): string => moneyFormat(currency).format(amount);

/** `2026-03` → `26/03`: short enough for an axis with 13 months. */
export const formatMonthShort = (month: string): string => month.slice(2).replace('-', '/');
