/**
 * The sender's record beside a held message (GET /v1/accounts/{id}): strike points, active sanctions, who
 * blocked them, ban-evasion links (with the score and why), raids they took part in, recent strikes.
 */
import { ApiError, useApi } from '../api.tsx';
import { ErrorNote } from '../components/common.tsx';
import { formatTime, useI18n } from '../i18n.tsx';
import type { Account, Link } from '../types.ts';

export function AccountHistory({ account }: { account: string }) {
  const { t, term, lang } = useI18n();
  const res = useApi<Account>(`/v1/accounts/${encodeURIComponent(account)}`);
  const a = res.data;
  const unknown = res.error instanceof ApiError && res.error.code === 'not_found';
  return (
    <section className="history" aria-label={`${t('queue.history')}: ${account}`} data-testid="account-history">
      <h3>
        {t('queue.history')}: {account}
      </h3>
      {res.loading && <p>{t('common.loading')}</p>}
      {unknown ? <p>{res.error!.message}</p> : <ErrorNote error={res.error} />}
      {a && (
        <>
          <dl className="meta">
            <div>
              <dt>{t('account.strikes')}</dt>
              <dd data-testid="strikes">
                {a.strikes.counting} / {a.strikes.total}
              </dd>
            </div>
            <div>
              <dt>{t('account.sanction')}</dt>
              <dd data-testid="sanction">{a.sanctions.length ? a.sanctions.map((s) => `${s.level}${s.until ? ` → ${formatTime(s.until, lang)}` : ''}`).join(', ') : '—'}</dd>
            </div>
            <div>
              <dt>{t('account.blockedBy')}</dt>
              <dd>{a.blocks.blockedBy.length ? a.blocks.blockedBy.map((b) => b.blocker).join(', ') : '—'}</dd>
            </div>
            {a.createdAt && (
              <div>
                <dt>{t('common.time')}</dt>
                <dd>{formatTime(a.createdAt, lang)}</dd>
              </div>
            )}
          </dl>
          <h4>{t('account.links')}</h4>
          {a.links.linkedTo.length + a.links.linkedFrom.length === 0 ? (
            <p>{t('account.noLinks')}</p>
          ) : (
            <ul data-testid="links">
              {[...a.links.linkedTo, ...a.links.linkedFrom].map((l) => (
                <LinkLine key={l.id} link={l} />
              ))}
            </ul>
          )}
          {a.raids.length > 0 && (
            <>
              <h4>{t('nav.raids')}</h4>
              <ul>
                {a.raids.map((r) => (
                  <li key={r.id}>
                    <a href="#/raids">{r.channel}</a> — {r.status}
                  </li>
                ))}
              </ul>
            </>
          )}
          {a.strikes.items.length > 0 && (
            <>
              <h4>{t('account.recent')}</h4>
              <ul>
                {a.strikes.items.slice(-10).reverse().map((s, i) => (
                  <li key={i}>
                    {formatTime(String(s.createdAt ?? ''), lang)} · {term(String(s.label ?? ''))} · +{String(s.points ?? '')} {s.channel ? `· ${String(s.channel)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function LinkLine({ link }: { link: Link }) {
  return (
    <li>
      <strong>{link.account}</strong> → <strong>{link.linkedTo}</strong> ({link.score.toFixed(2)}): {link.reasons.map((r) => `${r.kind} ${r.weight.toFixed(2)}${r.detail ? ` (${r.detail})` : ''}`).join(', ')}
    </li>
  );
}
