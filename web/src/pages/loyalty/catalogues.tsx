import { formatNumber, t } from '../../i18n';
import {
  BUILT_IN_EVENTS,
  CreateReward,
  CreateRule,
  CreateTier,
  REWARD_KINDS,
  UpdateReward,
  UpdateRule,
  UpdateTier,
} from '../../../../worker/loyalty/schemas';
import { Catalogue, type Column } from './catalogue';
import { loadRewards, loadRules, loadTiers, type RewardView, type RuleView, type TierView } from './data';
import type { FieldSpec } from './spec-form';

const yesNo = (value: boolean) => t(value ? 'loyalty.yes' : 'loyalty.no');
const orDash = (value: number | null) => (value === null ? '—' : formatNumber(value));

const ruleFields = (): FieldSpec[] => [
  { name: 'name', label: t('loyalty.name'), kind: 'text' },
  { name: 'points', label: t('loyalty.rulePoints'), kind: 'integer', hint: t('loyalty.rulePointsHint') },
  { name: 'rate', label: t('loyalty.ruleRate'), kind: 'decimal', optional: true, hint: t('loyalty.ruleRateHint') },
  { name: 'refereePoints', label: t('loyalty.refereePoints'), kind: 'integer', optional: true },
  { name: 'minOrderAmount', label: t('loyalty.minOrder'), kind: 'integer', optional: true, hint: t('loyalty.minorUnits') },
  { name: 'capPerDay', label: t('loyalty.capDay'), kind: 'integer', optional: true },
  { name: 'capPerMonth', label: t('loyalty.capMonth'), kind: 'integer', optional: true },
  { name: 'applyTierMultiplier', label: t('loyalty.applyMultiplier'), kind: 'checkbox' },
  { name: 'active', label: t('loyalty.active'), kind: 'checkbox' },
];

export function Rules() {
  const columns: Array<Column<RuleView>> = [
    { head: t('loyalty.name'), cell: (rule) => rule.name },
    { head: t('loyalty.eventType'), cell: (rule) => <span class="mono">{rule.eventType}</span> },
    { head: t('loyalty.rulePoints'), cell: (rule) => formatNumber(rule.points), numeric: true },
    { head: t('loyalty.ruleRate'), cell: (rule) => (rule.rate === null ? '—' : formatNumber(rule.rate, 2)), numeric: true },
    { head: t('loyalty.caps'), cell: (rule) => `${orDash(rule.capPerDay)} / ${orDash(rule.capPerMonth)}`, numeric: true },
    { head: t('loyalty.active'), cell: (rule) => yesNo(rule.active) },
  ];
  const eventType: FieldSpec = {
    name: 'eventType',
    label: t('loyalty.eventType'),
    kind: 'text',
    hint: t('loyalty.eventTypeHint', { types: BUILT_IN_EVENTS.join(', ') }),
  };
  return (
    <Catalogue<RuleView>
      title={t('loyalty.rules')}
      resource="rules"
      load={loadRules}
      columns={columns}
      createSpecs={[eventType, ...ruleFields()]}
      editSpecs={ruleFields()}
      createSchema={CreateRule}
      updateSchema={UpdateRule}
      defaults={{ eventType: 'purchase', points: 0, applyTierMultiplier: true, active: true }}
      newLabel={t('loyalty.newRule')}
      emptyText={t('loyalty.noRules')}
      removeLabel={t('form.remove')}
    />
  );
}

const tierFields = (): FieldSpec[] => [
  { name: 'name', label: t('loyalty.name'), kind: 'text' },
  { name: 'threshold', label: t('loyalty.threshold'), kind: 'integer', hint: t('loyalty.thresholdHint') },
  { name: 'multiplierPercent', label: t('loyalty.multiplier'), kind: 'integer', hint: t('loyalty.multiplierHint') },
];

export function Tiers() {
  const columns: Array<Column<TierView>> = [
    { head: t('loyalty.name'), cell: (tier) => tier.name },
    { head: t('loyalty.threshold'), cell: (tier) => formatNumber(tier.threshold), numeric: true },
    { head: t('loyalty.multiplier'), cell: (tier) => `${formatNumber(tier.multiplierPercent)}%`, numeric: true },
  ];
  return (
    <Catalogue<TierView>
      title={t('loyalty.tiers')}
      resource="tiers"
      load={loadTiers}
      columns={columns}
      createSpecs={tierFields()}
      editSpecs={tierFields()}
      createSchema={CreateTier}
      updateSchema={UpdateTier}
      defaults={{ multiplierPercent: 100 }}
      newLabel={t('loyalty.newTier')}
      emptyText={t('loyalty.noTiers')}
      removeLabel={t('form.remove')}
    />
  );
}

const rewardFields = (): FieldSpec[] => [
  { name: 'name', label: t('loyalty.name'), kind: 'text' },
  {
    name: 'kind',
    label: t('loyalty.rewardKind'),
    kind: 'select',
    options: REWARD_KINDS.map((kind) => ({ value: kind, label: t(`loyalty.kind.${kind}`) })),
  },
  { name: 'value', label: t('loyalty.rewardValue'), kind: 'integer', optional: true, hint: t('loyalty.rewardValueHint') },
  { name: 'cost', label: t('loyalty.cost'), kind: 'integer' },
  { name: 'stock', label: t('loyalty.stock'), kind: 'integer', optional: true, hint: t('loyalty.stockHint') },
  { name: 'perCustomerLimit', label: t('loyalty.perCustomer'), kind: 'integer', optional: true },
  { name: 'active', label: t('loyalty.active'), kind: 'checkbox' },
];

export function Rewards() {
  const columns: Array<Column<RewardView>> = [
    { head: t('loyalty.name'), cell: (reward) => reward.name },
    { head: t('loyalty.rewardKind'), cell: (reward) => t(`loyalty.kind.${reward.kind}`) },
    { head: t('loyalty.cost'), cell: (reward) => formatNumber(reward.cost), numeric: true },
    { head: t('loyalty.stock'), cell: (reward) => orDash(reward.stock), numeric: true },
    { head: t('loyalty.active'), cell: (reward) => yesNo(reward.active) },
  ];
  return (
    <Catalogue<RewardView>
      title={t('loyalty.rewards')}
      resource="rewards"
      load={loadRewards}
      columns={columns}
      createSpecs={rewardFields()}
      editSpecs={rewardFields()}
      createSchema={CreateReward}
      updateSchema={UpdateReward}
      defaults={{ kind: 'fixed_discount', active: true }}
      newLabel={t('loyalty.newReward')}
      emptyText={t('loyalty.noRewards')}
      removeLabel={t('loyalty.retire')}
    />
  );
}
