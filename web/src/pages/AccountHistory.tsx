/** The sender's record as the service keeps it: strikes, sanction, linked accounts, recent messages. */
import { useApi } from '../api.tsx';
import { ErrorNote } from '../components/common.tsx';
import { useI18n } from '../i18n.tsx';

export function AccountHistory({ account }: { account: string }) {
  const { t } = useI18n();
  const res = useApi<Record<string, unknown>>(`/v1/accounts/${encodeURIComponent(account)}`);
  return (
    <section className="history" aria-label={t('queue.history')} data-testid="account-history">
      <h3>{t('queue.history')}</h3>
      {res.loading && <p>{t('common.loading')}</p>}
      <ErrorNote error={res.error} />
      {res.data && <pre>{JSON.stringify(res.data, null, 2)}</pre>}
    </section>
  );
}
