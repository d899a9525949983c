export const toIso = (millis: number): string => new Date(millis).toISOString();
export const toIsoOrNull = (millis: number | null): string | null => (millis === null ? null : toIso(millis));
export const DAY_MS = 86_400_000;
