import { BarList } from '../../charts/bar-list';
import { formatMoney, formatShare } from '../../charts/format';
import { Async, EmptyState } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/resource';
import { loadKeyCustomers } from '../customers/data';
import { Kpi } from '../../components/kpi';
import { loadLiability, loadProgramme, type ProgrammeView } from './data';
import { PointsOverTime } from './points-trend';

function TierDistribution({ programme }: { programme: ProgrammeView }) {
  const rows = programme.tiers.map((tier) => ({
    key: tier.id ?? 'none',
    label: tier.name ?? t('loyalty.noTier'),
    value: tier.members,
  }));
  return (
    <section class="card" aria-labelledby="tier-distribution-title">
      <h2 class="section-title section-head" id="tier-distribution-title">
        {t('loyalty.tierDistribution')}
      </h2>
      {programme.members === 0 ? (
        <EmptyState title={t('loyalty.noMembers')} />
      ) : (
        <>
          <BarList rows={rows} label={t('loyalty.tierDistribution')} />
          <p class="muted chart-n">{t('loyalty.membersN', { n: formatNumber(programme.members) })}</p>
        </>
      )}
    </section>
  );
}

function Redemptions({ programme }: { programme: ProgrammeView }) {
  return (
    <section class="card" aria-labelledby="redemptions-title">
      <h2 class="section-title section-head" id="redemptions-title">
        {t('loyalty.redemptions')}
      </h2>
      {programme.rewards.length === 0 ? (
        <EmptyState title={t('loyalty.noRewards')} />
      ) : (
        <TableWrap label={t('loyalty.redemptions')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('loyalty.reward')}</th>
                <th scope="col" class="num">
                  {t('loyalty.cost')}
                </th>
                <th scope="col" class="num">
                  {t('loyalty.redemptionsIssued')}
                </th>
                <th scope="col" class="num">
                  {t('loyalty.cancelled')}
                </th>
                <th scope="col" class="num">
                  {t('loyalty.pointsSpent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {programme.rewards.map((reward) => (
                <tr key={reward.id}>
                  <th scope="row">
                    {reward.name}
                    {!reward.active && <span class="muted"> · {t('loyalty.inactive')}</span>}
                  </th>
                  <td class="num">{formatNumber(reward.cost)}</td>
                  <td class="num">{formatNumber(reward.issued)}</td>
                  <td class="num">{formatNumber(reward.cancelled)}</td>
                  <td class="num">{formatNumber(reward.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/** Participation, liability, points over time, tiers and redemptions. */
export function LoyaltyOverview() {
  const customers = useResource(loadKeyCustomers, []);
  const liability = useResource(loadLiability, []);
  const programme = useResource(loadProgramme, []);
  return (
    <>
      <div class="grid grid-kpi">
        <Async resource={customers}>
          {(snapshot) => (
            <Kpi label={t('loyalty.participation')} value={snapshot ? formatShare(snapshot.loyalty.participation) : '—'}>
              {snapshot ? (
                <>
                  <p>{t('loyalty.membersN', { n: formatNumber(snapshot.loyalty.members) })}</p>
                  <p>{t('loyalty.activeMembers', { n: formatNumber(snapshot.loyalty.activeMembers) })}</p>
                  <p>{t('loyalty.asOf', { date: snapshot.asOf })}</p>
                </>
              ) : (
                <p>{t('analytics.notComputed')}</p>
              )}
            </Kpi>
          )}
        </Async>
        <Async resource={liability}>
          {(data) => (
            <Kpi label={t('loyalty.liability')} value={formatMoney(data.value, data.currency)}>
              <p>
                {t('loyalty.liabilityPoints', { available: formatNumber(data.available), pending: formatNumber(data.pending) })}
              </p>
              <p>{t('loyalty.pointValueIs', { value: formatMoney(data.pointValue, data.currency) })}</p>
            </Kpi>
          )}
        </Async>
      </div>
      <PointsOverTime />
      <Async resource={programme}>
        {(data) => (
          <div class="grid grid-2 section">
            <TierDistribution programme={data} />
            <Redemptions programme={data} />
          </div>
        )}
      </Async>
    </>
  );
}
