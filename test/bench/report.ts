// The bench table: one row per figure, with its ratio, its goal and whether the goal is met.
import { fmt, type MetricsBenchResult } from './metrics-run';

export interface BenchRow {
  figure: string;
  value: string;
  ratio: string;
  goal: string;
  /** null for reference rows. */
  met: boolean | null;
}

const verdict = (row: BenchRow) => (row.met === null ? '—' : row.met ? 'met' : 'NOT met');

/** The table as Markdown, so the same text goes to the terminal and into the README. */
export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((row) => [row.figure, row.value, row.ratio, row.goal, verdict(row)]);
  const header = ['figure', 'measured', 'ratio', 'goal', 'status'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (cell: string[]) => `| ${cell.map((text, i) => text.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** The metrics rows, each naming the data size it was measured at (details of each step are in the JSON). */
export function metricsRows(result: MetricsBenchResult): BenchRow[] {
  const size = `${fmt(result.sizes.responses)} responses`;
  return [
    {
      figure: `metrics raw SQLite pass (${size})`,
      value: `${result.rawPassMs.toFixed(0)} ms`,
      ratio: '1.00',
      goal: 'reference',
      met: null,
    },
    ...result.figures.map((figure) => ({
      figure: `metrics ${figure.name} (${size})`,
      value: `${figure.ms.toFixed(0)} ms`,
      ratio: `${figure.ratioToRawPass.toFixed(3)} × raw pass`,
      goal: figure.goal,
      met: figure.met,
    })),
  ];
}
