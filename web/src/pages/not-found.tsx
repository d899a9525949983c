import { EmptyState } from '../components/states';
import { PageHeader } from '../components/page-header';
import { t } from '../i18n';
import { Link } from '../lib/router';

export default function NotFound() {
  return (
    <>
      <PageHeader title={t('state.notFound')} />
      <EmptyState title={t('state.notFound')} text={t('state.notFoundText')}>
        <Link href="/" class="button">
          {t('state.backHome')}
        </Link>
      </EmptyState>
    </>
  );
}
