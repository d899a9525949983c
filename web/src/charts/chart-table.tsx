import { TableWrap } from '../components/table-wrap';
import { t } from '../i18n';

/** The chart's numbers as a table, for screen readers and anyone who wants exact values. */
export function ChartTable({ label, head, rows }: { label: string; head: string[]; rows: string[][] }) {
  return (
    <details class="chart-table">
      <summary>{t('chart.table')}</summary>
      <TableWrap label={label}>
        <table>
          <thead>
            <tr>
              {head.map((cell, index) => (
                <th key={cell} scope="col" class={index > 0 ? 'num' : undefined}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, index) => (
                  <td key={index} class={index > 0 ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
