// The bench table: one row per figure, with its ratio, its goal and whether the goal is met.
import { existsSync, readFileSync } from 'node:fs';

export interface BenchRow {
  figure: string;
  value: string;
  ratio: string;
  goal: string;
  /** null for reference rows and for figures not measured in this run. */
  met: boolean | null;
}

const verdict = (row: BenchRow) => (row.met === null ? '—' : row.met ? 'met' : 'NOT met');

export function printTable(rows: BenchRow[]): void {
  const cells = rows.map((row) => [row.figure, row.value, row.ratio, row.goal, verdict(row)]);
  const header = ['figure', 'measured', 'ratio', 'goal', 'status'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (cell: string[]) => `| ${cell.map((text, i) => text.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cell of cells) console.log(line(cell));
}

interface MetricsFigure {
  name: string;
  seconds: number;
  ratioToRawPass: number;
  goal: string;
  met: boolean;
}

/**
 * The rows of `npm run bench:metrics`, read from the JSON it writes (`{ figures: MetricsFigure[] }`).
 * Without that file the rows say "not measured": the metrics bench seeds a million rows and runs on its own.
 */
export function metricsRows(file: string): BenchRow[] {
  const notMeasured = (figure: string, goal: string): BenchRow => ({
    figure,
    value: 'not measured (run `npm run bench:metrics`)',
    ratio: '—',
    goal,
    met: null,
  });
  if (!existsSync(file)) {
    return [notMeasured('metrics full rebuild', '≤ 2 × raw SQLite pass'), notMeasured('metrics incremental (1,000 new responses)', '≤ 0.05 × raw SQLite pass')];
  }
  const { figures } = JSON.parse(readFileSync(file, 'utf8')) as { figures: MetricsFigure[] };
  return figures.map((figure) => ({
    figure: `metrics ${figure.name}`,
    value: `${figure.seconds.toFixed(2)} s`,
    ratio: `${figure.ratioToRawPass.toFixed(3)} × raw pass`,
    goal: figure.goal,
    met: figure.met,
  }));
}
