import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { api, type Page } from '../../api';
import { Async, EmptyState } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime, t } from '../../i18n';
import { useResource } from '../../lib/resource';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import type { Erasure } from '../../../../worker/privacy/schemas';
import type { ApiKey, Member } from '../../../../worker/tenants/schemas';
import { EraseCustomerForm } from '../customer/erase-form';

type ErasureView = z.infer<typeof Erasure>;

/** `user:<id>` / `key:<id>` as the member's email or the key's name, when they still exist. */
function useActorNames() {
  const names = useResource(async () => {
    const [team, keys] = await Promise.all([
      api<{ data: Array<z.infer<typeof Member>> }>('/api/team'),
      api<Page<z.infer<typeof ApiKey>>>('/api/keys'),
    ]);
    return new Map<string, string>([
      ...team.data.map((member): [string, string] => [`user:${member.id}`, member.email]),
      ...keys.data.map((key): [string, string] => [`key:${key.id}`, t('privacy.actorKey', { name: key.name })]),
    ]);
  }, []);
  return (actor: string) => (names.state === 'ready' ? (names.data.get(actor) ?? actor) : actor);
}

function ErasureLog({ erasures }: { erasures: ErasureView[] }) {
  const actorName = useActorNames();
  if (erasures.length === 0) return <EmptyState title={t('privacy.logEmpty')} />;
  return (
    <TableWrap label={t('privacy.logTitle')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('privacy.logCustomer')}</th>
            <th scope="col">{t('privacy.logActor')}</th>
            <th scope="col">{t('privacy.logWhen')}</th>
          </tr>
        </thead>
        <tbody>
          {erasures.map((erasure) => (
            <tr key={erasure.id}>
              <th scope="row" class="mono">
                <Link href={`/customers/${encodeURIComponent(erasure.customerId)}`}>{erasure.customerId}</Link>
              </th>
              <td>{actorName(erasure.actor)}</td>
              <td>{formatDateTime(erasure.erasedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Settings → Privacy: the workspace export, customer erasure and its log. Owners and admins only. */
export function Privacy() {
  const { canEdit } = useSession();
  const [erased, setErased] = useState<string | null>(null);
  const log = useResource(
    () => (canEdit ? api<Page<ErasureView>>('/api/privacy/erasures?limit=50') : Promise.resolve({ data: [], nextCursor: null })),
    [canEdit],
  );
  if (!canEdit) {
    return (
      <section class="card section" aria-labelledby="privacy-title">
        <h2 class="section-title" id="privacy-title">
          {t('settings.privacy')}
        </h2>
        <p class="section-lead">{t('privacy.adminsOnly')}</p>
      </section>
    );
  }
  return (
    <>
      <section class="card section" aria-labelledby="export-title">
        <div class="section-head">
          <h2 class="section-title" id="export-title">
            {t('privacy.exportTitle')}
          </h2>
          <p class="section-lead">{t('privacy.exportLead')}</p>
        </div>
        <a class="button button-primary" href="/api/privacy/export" download>
          {t('privacy.exportButton')}
        </a>
      </section>
      <section class="card section" aria-labelledby="erase-title">
        <div class="section-head">
          <h2 class="section-title" id="erase-title">
            {t('privacy.eraseTitle')}
          </h2>
          <p class="section-lead">{t('privacy.eraseLead')}</p>
        </div>
        {erased && (
          <p class="notice notice-success" role="status">
            {t('privacy.erased', { id: erased })}
          </p>
        )}
        <EraseCustomerForm
          onErased={(customerId) => {
            setErased(customerId);
            log.reload();
          }}
        />
      </section>
      <section class="card section" aria-labelledby="erasures-title">
        <div class="section-head">
          <h2 class="section-title" id="erasures-title">
            {t('privacy.logTitle')}
          </h2>
          <p class="section-lead">{t('privacy.logLead')}</p>
        </div>
        <Async resource={log}>{(page) => <ErasureLog erasures={page.data} />}</Async>
      </section>
    </>
  );
}
