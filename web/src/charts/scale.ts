/** Maps a value in [domainLow, domainHigh] linearly onto [rangeLow, rangeHigh]. */
export const linear =
  (domainLow: number, domainHigh: number, rangeLow: number, rangeHigh: number) =>
  (value: number): number =>
    domainHigh === domainLow ? rangeLow : rangeLow + ((value - domainLow) / (domainHigh - domainLow)) * (rangeHigh - rangeLow);

/** About `count` round tick values covering [low, high]. */
export function ticks(low: number, high: number, count = 4): number[] {
  if (high <= low) return [low];
  const raw = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const result: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + step / 1e6; value += step)
    result.push(Math.round(value * 1e6) / 1e6);
  return result;
}
