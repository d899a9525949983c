import { Kpi } from '../../components/kpi';
import { TableWrap } from '../../components/table-wrap';
import { formatNumber, t } from '../../i18n';
import { RECIPIENT_STATUSES } from '../../../../worker/email/schemas';
import { type CampaignDetail, totals } from './data';

const percentOf = (part: number, whole: number) => (whole > 0 ? `${formatNumber((100 * part) / whole, 1)}%` : '—');

/** Delivery and answers so far; scanner hits are counted apart and never as answers. */
export function CampaignStats({ campaign }: { campaign: CampaignDetail }) {
  const { stats } = campaign;
  const total = totals(stats);
  const statuses = RECIPIENT_STATUSES.filter((status) => stats.recipients[status] > 0);
  return (
    <section class="stack section" aria-labelledby="campaign-stats">
      <h2 class="section-title" id="campaign-stats">
        {t('campaigns.stats')}
      </h2>
      <div class="grid grid-kpi">
        <Kpi label={t('campaigns.recipients')} value={formatNumber(total.recipients)}>
          {stats.recipients.pending > 0 && <p>{t('campaigns.waiting', { n: formatNumber(stats.recipients.pending) })}</p>}
          {stats.recipients.skipped > 0 && <p>{t('campaigns.skipped', { n: formatNumber(stats.recipients.skipped) })}</p>}
        </Kpi>
        <Kpi label={t('campaigns.queued')} value={formatNumber(total.queued)}>
          <p>{t('campaigns.sentOf', { n: formatNumber(total.sent) })}</p>
        </Kpi>
        <Kpi label={t('campaigns.answered')} value={formatNumber(total.answered)}>
          <p>{t('campaigns.answerRate', { rate: percentOf(total.answered, total.sent) })}</p>
        </Kpi>
        <Kpi label={t('campaigns.scannerHits')} value={formatNumber(stats.filteredHits)}>
          <p>{t('campaigns.scannerRecipients', { n: formatNumber(stats.filteredRecipients) })}</p>
          <p>{t('campaigns.scannerHint')}</p>
        </Kpi>
      </div>
      {statuses.length > 0 && (
        <TableWrap label={t('campaigns.byStatus')}>
          <table>
            <caption class="visually-hidden">{t('campaigns.byStatus')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.recipientStatus')}</th>
                <th scope="col" class="num">
                  {t('campaigns.count')}
                </th>
                <th scope="col" class="num">
                  {t('campaigns.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {statuses.map((status) => (
                <tr key={status}>
                  <th scope="row">{t(`campaigns.recipient.${status}`)}</th>
                  <td class="num">{formatNumber(stats.recipients[status])}</td>
                  <td class="num">{percentOf(stats.recipients[status], total.recipients)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
