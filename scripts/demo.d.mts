export const SEED_DEMO_ARGS: string[];
export function computeDemoMetrics(apiOrigin: string, secretKey: string): Promise<void>;
