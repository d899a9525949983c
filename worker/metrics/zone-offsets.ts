import { sql, type SQL } from 'drizzle-orm';
import { localDay } from './days';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const clocks = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, ms. */
export function offsetAt(instant: number, timeZone: string): number {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    clocks.set(timeZone, clock);
  }
  const [year, month, day] = localDay(instant, timeZone).split('-').map(Number) as [number, number, number];
  const time = Object.fromEntries(clock.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const wallClock = Date.UTC(year, month - 1, day, time.hour, time.minute);
  return wallClock - (instant - (instant % MINUTE_MS));
}

/** Offsets in force over [from, to]: the first from `from`, each next from the minute it starts. */
export function offsetsBetween(from: number, to: number, timeZone: string): Array<{ since: number; offset: number }> {
  const offsets = [{ since: from, offset: offsetAt(from, timeZone) }];
  for (let day = from; day < to; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, to);
    const before = offsets.at(-1)!.offset;
    if (offsetAt(next, timeZone) === before) continue;
    // The change lies in (day, next]: find its minute.
    let low = day;
    let high = next;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    offsets.push({ since: high, offset: offsetAt(high, timeZone) });
  }
  return offsets;
}

/**
 * SQL for the tenant-local day (YYYY-MM-DD) of an epoch-ms column, for instants in [from, to]: SQLite
 * knows no time zones, so the zone's offsets over that span are spelled out as a CASE.
 */
export function localDaySql(column: SQL, timeZone: string, from: number, to: number): SQL {
  const offsets = offsetsBetween(from, to, timeZone);
  const cases = offsets
    .slice(1)
    .reverse()
    .map(({ since, offset }) =>
      sql
        .raw(`WHEN ${Math.trunc(since)} <= `)
        .append(column)
        .append(sql.raw(` THEN ${offset} `)),
    );
  const offset =
    cases.length === 0
      ? sql.raw(String(offsets[0]!.offset))
      : sql.join([sql.raw('CASE '), ...cases, sql.raw(`ELSE ${offsets[0]!.offset} END`)]);
  return sql`date((${column} + ${offset}) / 1000, 'unixepoch')`;
}
