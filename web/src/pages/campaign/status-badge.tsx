import { t } from '../../i18n';
import type { CampaignItem } from './data';

const BADGE: Record<CampaignItem['status'], string> = {
  draft: 'badge',
  scheduled: 'badge badge-accent',
  sending: 'badge badge-accent',
  sent: 'badge badge-success',
};

export const StatusBadge = ({ status }: { status: CampaignItem['status'] }) => (
  <span class={BADGE[status]}>{t(`campaigns.status.${status}`)}</span>
);
