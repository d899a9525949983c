import { useRef, useState } from 'preact/hooks';
import { api, ApiError, type Page, withQuery } from '../../api';
import { FormError, TextAreaField, TextField } from '../../components/field';
import { Async, EmptyState, ErrorState, Loading } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { errorsFromApi, type FieldErrors, messageOf, validate } from '../../lib/forms';
import { useResource } from '../../lib/resource';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { Adjustment } from '../../../../worker/loyalty/schemas';
import type { z } from 'zod';
import type { Customer } from '../../../../worker/customers/schemas';
import { type EntryView, LOYALTY, loadLedger, loadMember, type MemberView } from './data';
import { useIdempotentCall } from './idempotent';

const DashboardAdjustment = Adjustment.omit({ actor: true });
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value))}`;

/** Finds a member by customer id, your external id or email and opens their page. */
export function MemberLookup({ initial = '' }: { initial?: string }) {
  const [query, setQuery] = useState(initial);
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const text = query.trim();
    if (!text) return setError(t('err.required'));
    setError('');
    if (!text.includes('@')) return navigate(`/loyalty/members/${encodeURIComponent(text)}`);
    try {
      const found = await api<Page<{ id: string }>>(withQuery('/api/customers', { email: text, limit: 1 }));
      const [customer] = found.data;
      if (customer) navigate(`/loyalty/members/${encodeURIComponent(customer.id)}`);
      else setError(t('loyalty.memberNotFound'));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <form class="row member-lookup" role="search" onSubmit={submit} noValidate>
      <TextField
        label={t('loyalty.lookup')}
        hint={t('loyalty.lookupHint')}
        value={query}
        onValue={setQuery}
        error={error || undefined}
        type="search"
      />
      <button type="submit" class="button button-primary">
        {t('loyalty.find')}
      </button>
    </form>
  );
}

function Balances({ member }: { member: MemberView }) {
  const { tier } = member;
  return (
    <dl class="facts facts-wide" aria-label={t('loyalty.balances')}>
      <div>
        <dt>{t('loyalty.available')}</dt>
        <dd class="member-available">{formatNumber(member.available)}</dd>
      </div>
      <div>
        <dt>{t('loyalty.pending')}</dt>
        <dd>{formatNumber(member.pending)}</dd>
      </div>
      <div>
        <dt>{t('loyalty.expiringSoon')}</dt>
        <dd>{formatNumber(member.expiringSoon)}</dd>
      </div>
      <div>
        <dt>{t('loyalty.lifetime')}</dt>
        <dd>{formatNumber(member.lifetimeEarned)}</dd>
      </div>
      <div>
        <dt>{t('loyalty.tier')}</dt>
        <dd>
          {tier.current?.name ?? t('loyalty.noTier')}
          {tier.next && tier.remaining !== null && (
            <span class="muted"> · {t('loyalty.toNext', { n: formatNumber(tier.remaining), tier: tier.next.name })}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('loyalty.referralCode')}</dt>
        <dd class="mono">{member.referralCode ?? '—'}</dd>
      </div>
    </dl>
  );
}

type CustomerKey = { externalId: string } | { email: string };

/** The key the loyalty API knows a customer by; null for an erased customer, who cannot be adjusted. */
const customerKeyOf = (customer: z.infer<typeof Customer>): CustomerKey | null =>
  customer.externalId ? { externalId: customer.externalId } : customer.email ? { email: customer.email } : null;

function AdjustForm({ customer, onDone }: { customer: CustomerKey; onDone: (points: number) => void }) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const call = useIdempotentCall();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const typed = points.trim().replace('−', '-');
    const checked = validate(DashboardAdjustment, { customer, points: typed === '' ? undefined : Number(typed), reason });
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    setBusy(true);
    try {
      const result = await call<{ points: number }>('POST', `${LOYALTY}/adjustments`, checked.data);
      setPoints('');
      setReason('');
      onDone(result.points);
    } catch (caught) {
      setErrors(errorsFromApi(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} noValidate aria-labelledby="adjust-title">
      <h3 class="section-title" id="adjust-title">
        {t('loyalty.adjust')}
      </h3>
      <div class="row row-top">
        <TextField
          label={t('loyalty.adjustPoints')}
          hint={t('loyalty.adjustPointsHint')}
          value={points}
          onValue={setPoints}
          error={errors.points}
          inputMode="numeric"
        />
        <TextAreaField label={t('loyalty.reason')} value={reason} onValue={setReason} error={errors.reason} rows={2} />
      </div>
      <FormError message={errors['']} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('form.saving') : t('loyalty.adjustSubmit')}
        </button>
      </div>
    </form>
  );
}

const entryLabel = (kind: EntryView['kind']) => t(`loyalty.entry.${kind}`);

/** The member's ledger, newest first, 20 at a time. */
function Ledger({ customerId, version }: { customerId: string; version: number }) {
  const [more, setMore] = useState<{ entries: EntryView[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const first = useResource(() => {
    setMore(null);
    return loadLedger(customerId);
  }, [customerId, version]);
  return (
    <section class="section" aria-labelledby="ledger-title">
      <h3 class="section-title section-head" id="ledger-title">
        {t('loyalty.ledger')}
      </h3>
      <Async resource={first}>
        {(page) => {
          const entries = [...page.data, ...(more?.entries ?? [])];
          const cursor = more ? more.cursor : page.nextCursor;
          if (entries.length === 0) return <EmptyState title={t('loyalty.noEntries')} />;
          const loadMore = async () => {
            if (!cursor) return;
            try {
              const next = await loadLedger(customerId, cursor);
              setMore({ entries: [...(more?.entries ?? []), ...next.data], cursor: next.nextCursor });
              setMoreError(null);
            } catch (caught) {
              setMoreError(caught instanceof ApiError ? caught : new ApiError({ title: String(caught), status: 0 }));
            }
          };
          return (
            <>
              <TableWrap label={t('loyalty.ledger')}>
                <table class="ledger">
                  <thead>
                    <tr>
                      <th scope="col">{t('loyalty.when')}</th>
                      <th scope="col">{t('loyalty.entryKind')}</th>
                      <th scope="col" class="num">
                        {t('loyalty.available')}
                      </th>
                      <th scope="col" class="num">
                        {t('loyalty.pending')}
                      </th>
                      <th scope="col">{t('loyalty.reason')}</th>
                      <th scope="col">{t('loyalty.actor')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry) => (
                      <tr key={entry.id}>
                        <td>{formatDateTime(entry.createdAt)}</td>
                        <td>{entryLabel(entry.kind)}</td>
                        <td class="num">{entry.availableDelta === 0 ? '' : signed(entry.availableDelta)}</td>
                        <td class="num">{entry.pendingDelta === 0 ? '' : signed(entry.pendingDelta)}</td>
                        <td>{entry.reason}</td>
                        <td class="mono">{entry.actor}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {moreError && <ErrorState error={moreError} onRetry={loadMore} />}
              {cursor && (
                <button type="button" class="button feed-more" onClick={loadMore}>
                  {t('loyalty.loadMore')}
                </button>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}

/** The adjustment form for editors, once the customer's API key (external id or email) is known. */
function MemberAdjust({ customerId, onDone }: { customerId: string; onDone: (points: number) => void }) {
  const { canEdit } = useSession();
  const profile = useResource(
    () => (canEdit ? api<z.infer<typeof Customer>>(`/api/customers/${encodeURIComponent(customerId)}`) : Promise.resolve(null)),
    [customerId, canEdit],
  );
  if (!canEdit || profile.state === 'loading') return null;
  if (profile.state === 'error') return <ErrorState error={profile.error} onRetry={profile.reload} />;
  const key = profile.data && customerKeyOf(profile.data);
  return key ? <AdjustForm customer={key} onDone={onDone} /> : <p class="muted">{t('loyalty.cannotAdjust')}</p>;
}

/** Balances, tier, the manual adjustment form (editors only) and the ledger of one member. Key it by `customer`. */
export function MemberPanel({ customer }: { customer: string }) {
  const [version, setVersion] = useState(0);
  const [adjusted, setAdjusted] = useState<number | null>(null);
  const member = useResource(() => loadMember(customer), [customer, version]);
  // Keeps the figures on screen while they reload after an adjustment.
  const shown = useRef<MemberView | null>(null);
  if (member.state === 'ready') shown.current = member.data;
  if (member.state === 'error')
    return member.error.problem.status === 404 ? (
      <EmptyState title={t('loyalty.memberNotFound')} text={t('loyalty.memberNotFoundText')} />
    ) : (
      <ErrorState error={member.error} onRetry={member.reload} />
    );
  const data = shown.current;
  if (!data) return <Loading />;
  return (
    <div class="stack stack-fluid">
      <Balances member={data} />
      {adjusted !== null && (
        <p class="notice notice-success" role="status">
          {t('loyalty.adjusted', { points: signed(adjusted) })}
        </p>
      )}
      <MemberAdjust
        customerId={data.customerId}
        onDone={(points) => {
          setAdjusted(points);
          setVersion((current) => current + 1);
        }}
      />
      <Ledger customerId={data.customerId} version={version} />
    </div>
  );
}
