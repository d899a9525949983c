import type { z } from 'zod';
import { t } from '../../i18n';
import type { Customer } from '../../../../worker/customers/schemas';
import { EraseCustomerForm } from './erase-form';

/** The customer's data download (right of access) and erasure; shown to owners and admins. */
export function PersonalData({ customer, onErased }: { customer: z.infer<typeof Customer>; onErased: () => void }) {
  return (
    <section class="card stack" aria-labelledby="personal-data-title">
      <div class="section-head">
        <h2 class="section-title" id="personal-data-title">
          {t('privacy.personalData')}
        </h2>
        <p class="section-lead">{t('privacy.personalDataLead')}</p>
      </div>
      <div class="form-actions">
        <a class="button" href={`/api/customers/${encodeURIComponent(customer.id)}/export`} download>
          {t('privacy.downloadData')}
        </a>
      </div>
      {!customer.erased && (
        <>
          <h3 class="section-title">{t('privacy.eraseCustomer')}</h3>
          <p class="section-lead">{t('privacy.eraseLead')}</p>
          <EraseCustomerForm customerId={customer.id} onErased={onErased} />
        </>
      )}
    </section>
  );
}
