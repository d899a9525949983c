import { api, type Page } from '../api';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { Async, EmptyState } from '../components/states';
import { formatDateTime, formatNumber, t } from '../i18n';
import { loadSegments, type SegmentsSnapshot } from '../lib/metrics';
import { Link } from '../lib/router';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import type { Survey } from '../../../worker/surveys/schemas';

const STATUS_BADGE: Record<Survey['status'], string> = {
  active: 'badge badge-success',
  draft: 'badge',
  paused: 'badge',
  archived: 'badge',
};

interface KeyNumbers {
  n: number;
  score: string;
}

/** Each survey's answers and score over the last 30 days, from the metrics service's `survey:` segments. */
function keyNumbers(snapshot: SegmentsSnapshot | null): Map<string, KeyNumbers> {
  const numbers = new Map<string, KeyNumbers>();
  for (const row of [...(snapshot?.nps ?? []), ...(snapshot?.csat ?? [])]) {
    if (row.dimension !== 'survey' || numbers.has(row.value)) continue;
    if (row.nps)
      numbers.set(row.value, {
        n: row.n,
        score: `${row.nps.score > 0 ? '+' : row.nps.score < 0 ? '−' : ''}${formatNumber(Math.abs(row.nps.score))}`,
      });
    else if (row.csat) numbers.set(row.value, { n: row.n, score: `${formatNumber(row.csat.score)}%` });
  }
  return numbers;
}

export default function Surveys() {
  const { canEdit } = useSession();
  const surveys = useResource(() => api<Page<Survey>>('/api/surveys?limit=200'), []);
  const segments = useResource(() => loadSegments('30d').then(keyNumbers), []);
  const numbers = segments.state === 'ready' ? segments.data : new Map<string, KeyNumbers>();
  const newButton = canEdit && (
    <Link href="/surveys/new" class="button button-primary">
      {t('surveys.new')}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('surveys.title')}>{newButton}</PageHeader>
      <Async resource={surveys}>
        {({ data }) =>
          data.length === 0 ? (
            <EmptyState title={t('surveys.empty')} text={t('surveys.emptyText')}>
              {newButton}
            </EmptyState>
          ) : (
            <TableWrap label={t('surveys.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('surveys.name')}</th>
                    <th scope="col">{t('surveys.kind')}</th>
                    <th scope="col">{t('surveys.status')}</th>
                    <th scope="col" class="num">
                      {t('surveys.answers30')}
                    </th>
                    <th scope="col" class="num">
                      {t('surveys.score30')}
                    </th>
                    <th scope="col">{t('surveys.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((survey) => (
                    <tr key={survey.id}>
                      <td>
                        <Link href={`/surveys/${encodeURIComponent(survey.id)}`}>{survey.name}</Link>
                      </td>
                      <td>{t(`surveys.kind.${survey.kind}`)}</td>
                      <td>
                        <span class={STATUS_BADGE[survey.status]}>{t(`surveys.status.${survey.status}`)}</span>
                      </td>
                      <td class="num">{formatNumber(numbers.get(survey.id)?.n ?? 0)}</td>
                      <td class="num">{numbers.get(survey.id)?.score ?? '—'}</td>
                      <td>{formatDateTime(survey.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </>
  );
}
