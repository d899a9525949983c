export const INITIAL_JS_BUDGET_BYTES: number;
export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
  initial: boolean;
}
export interface DashboardSizes {
  chunks: ChunkSize[];
  initialGzip: number;
  budget: number;
}
export function initialScripts(html: string): Set<string>;
export function dashboardSizes(distDir?: string): DashboardSizes;
export function reportDashboardSizes(distDir?: string): DashboardSizes;
