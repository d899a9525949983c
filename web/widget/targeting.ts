// Pure decisions about whether a survey applies to this page and visitor.

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/** `*` matches any run of characters; patterns are matched against the full URL. */
export const urlMatches = (url: string, include: string[], exclude: string[]): boolean =>
  (!include.length || include.some((p) => glob(p).test(url))) && !exclude.some((p) => glob(p).test(url));

/** Stable per seed (visitor + survey), so a visitor is either in the sample on every page or on none. */
export function inSample(seed: string, percent: number): boolean {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return ((hash >>> 0) % 10000) / 100 < percent;
}

export const deviceType = (): 'mobile' | 'tablet' | 'desktop' =>
  matchMedia('(pointer:coarse)').matches ? (innerWidth < 768 ? 'mobile' : 'tablet') : 'desktop';
