/**
 * The investigator's case list: every case their employee may see (the service leaves out conflicted ones),
 * sorted by the nearest pending deadline, with the time left ticking and overdue cases marked.
 */
import { useApi } from '../api.tsx';
import { ErrorNote, KeyedPage } from '../components/common.tsx';
import { formatDuration, formatTime, useI18n, type MessageKey } from '../i18n.tsx';
import type { CaseSummary } from '../types.ts';
import { useNow } from '../useNow.ts';

export function CasesPage() {
  const { t } = useI18n();
  return (
    <KeyedPage title={t('cases.title')}>
      <CaseList />
    </KeyedPage>
  );
}

/** Nearest deadline first; cases with none last, oldest first among them. */
export function byNearestDeadline(a: CaseSummary, b: CaseSummary): number {
  const da = a.nextDeadline ? Date.parse(a.nextDeadline.dueAt) : Infinity;
  const db = b.nextDeadline ? Date.parse(b.nextDeadline.dueAt) : Infinity;
  if (da !== db) return da - db;
  return a.createdAt.localeCompare(b.createdAt);
}

function CaseList() {
  const { t, lang } = useI18n();
  const res = useApi<{ cases: CaseSummary[]; next: string | null }>('/v1/cases?limit=500');
  const now = useNow(1000);
  const cases = [...(res.data?.cases ?? [])].sort(byNearestDeadline);
  return (
    <>
      <p className="hint">
        {t('cases.sorted')}{' '}
        <button type="button" onClick={res.reload}>
          {t('common.refresh')}
        </button>
      </p>
      <ErrorNote error={res.error} />
      {res.loading && !res.data && <p>{t('common.loading')}</p>}
      {res.data && cases.length === 0 && <p>{t('common.none')}</p>}
      {cases.length > 0 && (
        <table data-testid="case-list">
          <caption className="visually-hidden">{t('cases.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.case')}</th>
              <th scope="col">{t('cases.category')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('cases.tier')}</th>
              <th scope="col">{t('cases.assignee')}</th>
              <th scope="col">{t('cases.deadline')}</th>
              <th scope="col">{t('cases.timeLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => {
              const left = c.nextDeadline ? Date.parse(c.nextDeadline.dueAt) - now : null;
              return (
                <tr key={c.id} data-testid="case-row" data-case-id={c.id}>
                  <th scope="row">
                    <a href={`#/cases/${encodeURIComponent(c.id)}`}>{c.id}</a>
                    {(c.escalations ?? 0) > 0 && (
                      <>
                        {' '}
                        <span className="badge escalated">{t('cases.escalatedTimes', { n: c.escalations! })}</span>
                      </>
                    )}
                  </th>
                  <td>{t(`category.${c.category}` as MessageKey)}</td>
                  <td>{t(`status.${c.status}` as MessageKey)}</td>
                  <td>{c.tier}</td>
                  <td>{c.assignee ?? '—'}</td>
                  <td>{c.nextDeadline ? `${t(`deadline.${c.nextDeadline.kind}` as MessageKey)} · ${formatTime(c.nextDeadline.dueAt, lang)}` : t('cases.noDeadline')}</td>
                  <td data-testid="time-left" className={left !== null && left < 0 ? 'overdue' : ''}>
                    {left === null ? '—' : left < 0 ? t('cases.overdue', { time: formatDuration(left, lang) }) : t('cases.left', { time: formatDuration(left, lang) })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
