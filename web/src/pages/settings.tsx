import { PageHeader } from '../components/page-header';
import { t, type MessageKey } from '../i18n';
import { Link } from '../lib/router';
import { ApiKeys } from './settings/api-keys';
import { Privacy } from './settings/privacy';
import { Team } from './settings/team';
import { Webhooks } from './settings/webhooks';
import { Workspace } from './settings/workspace';

const SECTIONS: ReadonlyArray<{ path: string; label: MessageKey; section: string | undefined }> = [
  { path: '/settings', label: 'settings.general', section: undefined },
  { path: '/settings/keys', label: 'settings.keys', section: 'keys' },
  { path: '/settings/team', label: 'settings.team', section: 'team' },
  { path: '/settings/webhooks', label: 'settings.webhooks', section: 'webhooks' },
  { path: '/settings/privacy', label: 'settings.privacy', section: 'privacy' },
];

export default function Settings({ section }: { section?: string }) {
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <nav class="tabs" aria-label={t('settings.title')}>
        {SECTIONS.map((item) => (
          <Link key={item.path} href={item.path} class="tab" aria-current={item.section === section ? 'page' : undefined}>
            {t(item.label)}
          </Link>
        ))}
      </nav>
      {section === 'keys' ? (
        <ApiKeys />
      ) : section === 'team' ? (
        <Team />
      ) : section === 'webhooks' ? (
        <Webhooks />
      ) : section === 'privacy' ? (
        <Privacy />
      ) : (
        <Workspace />
      )}
    </>
  );
}
