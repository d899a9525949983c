import { PageHeader } from '../components/page-header';
import { type MessageKey, t } from '../i18n';
import { Link } from '../lib/router';
import { Rewards, Rules, Tiers } from './loyalty/catalogues';
import { MemberLookup, MemberPanel } from './loyalty/member';
import { LoyaltyOverview } from './loyalty/overview';
import { ProgrammeSettings } from './loyalty/settings';

const SECTIONS: ReadonlyArray<{ section: string; label: MessageKey }> = [
  { section: '', label: 'loyalty.overview' },
  { section: 'members', label: 'loyalty.members' },
  { section: 'rules', label: 'loyalty.rules' },
  { section: 'tiers', label: 'loyalty.tiers' },
  { section: 'rewards', label: 'loyalty.rewards' },
  { section: 'settings', label: 'loyalty.settings' },
];

function Section({ section, id }: { section: string; id: string | undefined }) {
  switch (section) {
    case 'members':
      return (
        <div class="stack stack-fluid">
          <section class="card" aria-labelledby="lookup-title">
            <h2 class="section-title section-head" id="lookup-title">
              {t('loyalty.memberLookup')}
            </h2>
            <MemberLookup key={id ?? ''} initial={id ?? ''} />
          </section>
          {id && (
            <section class="card" aria-labelledby="member-title">
              <h2 class="section-title section-head" id="member-title">
                {t('loyalty.member')} <span class="mono">{id}</span>
              </h2>
              <MemberPanel key={id} customer={id} />
            </section>
          )}
        </div>
      );
    case 'rules':
      return <Rules />;
    case 'tiers':
      return <Tiers />;
    case 'rewards':
      return <Rewards />;
    case 'settings':
      return <ProgrammeSettings />;
    default:
      return <LoyaltyOverview />;
  }
}

/** /loyalty, /loyalty/:section and /loyalty/members/:id. */
export default function Loyalty({ section = '', id }: { section?: string; id?: string }) {
  const current = id ? 'members' : section;
  return (
    <>
      <PageHeader title={t('loyalty.title')} lead={t('loyalty.lead')} />
      <nav class="tabs" aria-label={t('loyalty.title')}>
        {SECTIONS.map((item) => (
          <Link
            key={item.section}
            href={item.section ? `/loyalty/${item.section}` : '/loyalty'}
            class="tab"
            aria-current={item.section === current ? 'page' : undefined}
          >
            {t(item.label)}
          </Link>
        ))}
      </nav>
      <Section section={current} id={id} />
    </>
  );
}
