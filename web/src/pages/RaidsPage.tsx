/**
 * Raids, live: detected clusters grouped by channel with the channel's shield, refreshed every few seconds.
 * A moderator acts on a whole cluster at once (hold all, suspend all, dismiss — only the actions its status
 * allows are offered) or lifts a channel's shield, each with a reason.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, useApi } from '../api.tsx';
import { ErrorNote, KeyedPage, Status } from '../components/common.tsx';
import { formatTime, useI18n, type MessageKey } from '../i18n.tsx';
import { RAID_TRANSITIONS, type Raid, type RaidAction, type RaidDetail, type Shield } from '../types.ts';
import { useSubmit } from '../useSubmit.ts';

const REFRESH_S = 5;

export function RaidsPage() {
  const { t } = useI18n();
  return (
    <KeyedPage title={t('raids.title')}>
      <Raids />
    </KeyedPage>
  );
}

function Raids() {
  const { t } = useI18n();
  const raids = useApi<{ raids: Raid[]; nextCursor: string | null }>('/v1/raids?limit=200');
  const shields = useApi<{ shields: Shield[] }>('/v1/shields');
  const [announce, setAnnounce] = useState<string | null>(null);
  const { reload: reloadRaids } = raids;
  const { reload: reloadShields } = shields;

  useEffect(() => {
    const timer = setInterval(() => {
      reloadRaids();
      reloadShields();
    }, REFRESH_S * 1000);
    return () => clearInterval(timer);
  }, [reloadRaids, reloadShields]);

  const refresh = () => {
    reloadRaids();
    reloadShields();
  };

  // Group by channel, channels with a raised shield first, then by latest detection.
  const byChannel = new Map<string, Raid[]>();
  for (const r of raids.data?.raids ?? []) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r]);
  const shieldOf = (channel: string) => shields.data?.shields.find((s) => s.channel === channel) ?? null;
  const channels = [...byChannel.keys()].sort((a, b) => Number(shieldOf(b)?.up ?? false) - Number(shieldOf(a)?.up ?? false) || a.localeCompare(b));

  return (
    <>
      <p className="hint">
        {t('raids.autoRefresh', { s: REFRESH_S })}{' '}
        <button type="button" onClick={refresh}>
          {t('common.refresh')}
        </button>
      </p>
      <Status message={announce} />
      <ErrorNote error={raids.error ?? shields.error} />
      {/* channels only once the shields are in too (or failed, which ErrorNote says): before, a raided channel showed "shield off" */}
      {raids.data && (shields.data || shields.error) && channels.length === 0 && <p>{t('raids.none')}</p>}
      {(raids.data && (shields.data || shields.error) ? channels : []).map((channel) => (
        <section key={channel} className="card" aria-labelledby={`ch-${channel}`} data-testid="raid-channel" data-channel={channel}>
          <h2 id={`ch-${channel}`}>
            {t('raids.channel')}: {channel} <ShieldBadge shield={shieldOf(channel)} />
          </h2>
          <ShieldLift shield={shieldOf(channel)} onDone={(msg) => (setAnnounce(msg), refresh())} />
          {byChannel.get(channel)!.map((raid) => (
            <RaidCard key={raid.id} raid={raid} onDone={(msg) => (setAnnounce(msg), refresh())} />
          ))}
        </section>
      ))}
    </>
  );
}

function ShieldBadge({ shield }: { shield: Shield | null }) {
  const { t, lang } = useI18n();
  if (shield?.up) {
    return (
      <span className="badge shield-on" data-testid="shield" data-up="true">
        {t('raids.shieldOn')} {t('raids.shieldUntil', { time: formatTime(shield.until, lang) })}
      </span>
    );
  }
  return (
    <span className="badge" data-testid="shield" data-up="false">
      {t('raids.shieldOff')}
    </span>
  );
}

function ShieldLift({ shield, onDone }: { shield: Shield | null; onDone(message: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  if (!shield?.up) return null;
  const lift = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/v1/shields/${encodeURIComponent(shield.channel)}/lift`, { method: 'POST', body: { reason: reason.trim() || t('raids.defaultLift') } });
      onDone(t('raids.lifted', { channel: shield.channel }));
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form className="row" onSubmit={lift}>
      <label htmlFor={`${id}-lift`} className="visually-hidden">
        {t('raids.liftReason', { channel: shield.channel })}
      </label>
      <input id={`${id}-lift`} name="liftReason" placeholder={t('raids.defaultLift')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit">{t('raids.liftShield')}</button>
      <ErrorNote error={error} />
    </form>
  );
}

function RaidCard({ raid, onDone }: { raid: Raid; onDone(message: string): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const allowed = RAID_TRANSITIONS[raid.status] ?? [];
  const [action, setAction] = useState<RaidAction | ''>('');
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const chosen: RaidAction | undefined = action && allowed.includes(action) ? action : allowed[0];

  const { busy, error, onSubmit: act } = useSubmit(async () => {
    if (!chosen) return;
    await api<RaidDetail>(`/v1/raids/${encodeURIComponent(raid.id)}/action`, { method: 'POST', body: { action: chosen, reason: reason.trim() || t('raids.defaultReason') } });
    setReason('');
    setAction('');
    onDone(t('raids.done', { id: raid.id, action: t(`raidAction.${chosen}` as MessageKey) }));
  });

  return (
    <article className="card" aria-labelledby={`${id}-h`} data-testid="raid" data-raid-id={raid.id} data-status={raid.status}>
      <h3 id={`${id}-h`}>
        <span className="badge">{t(`raidStatus.${raid.status}` as MessageKey)}</span> {raid.id}
      </h3>
      <dl className="meta">
        <div>
          <dt>{t('raids.members')}</dt>
          <dd data-testid="member-count">{t('raids.accounts', { n: raid.memberCount })}</dd>
        </div>
        <div>
          <dt>{t('raids.status')}</dt>
          <dd>{t('raids.newShare', { pct: Math.round(raid.newShare * 100) })}</dd>
        </div>
        <div>
          <dt>{t('raids.firstSeen')}</dt>
          <dd>{formatTime(raid.detectedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('raids.lastSeen')}</dt>
          <dd>{formatTime(raid.updatedAt, lang)}</dd>
        </div>
      </dl>
      <p>
        {t('raids.sample')}: <q className="sample">{raid.sample}</q>
      </p>
      {allowed.length === 0 ? (
        <p className="hint">{t('raids.noActions')}</p>
      ) : (
        <form onSubmit={act} className="row" aria-label={t('raids.actOn')}>
          <label htmlFor={`${id}-action`}>{t('raids.action')}</label>
          <select id={`${id}-action`} name="action" value={chosen} onChange={(e) => setAction(e.target.value as RaidAction)}>
            {allowed.map((a) => (
              <option key={a} value={a}>
                {t(`raidAction.${a}` as MessageKey)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`} className="visually-hidden">
            {t('raids.reason', { id: raid.id })}
          </label>
          <input id={`${id}-reason`} name="reason" placeholder={t('raids.defaultReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          <button type="submit" className={chosen === 'dismiss' ? '' : 'block'} disabled={busy}>
            {t('raids.submit')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('raids.showMembers')}
      </button>
      {open && <RaidMembers id={raid.id} version={raid.updatedAt + raid.status} />}
    </article>
  );
}

function RaidMembers({ id, version }: { id: string; version: string }) {
  const { t, lang } = useI18n();
  const res = useApi<RaidDetail>(`/v1/raids/${encodeURIComponent(id)}`);
  const { reload } = res;
  useEffect(() => reload(), [version, reload]);
  if (res.error) return <ErrorNote error={res.error} />;
  if (!res.data) return <p>{t('common.loading')}</p>;
  return (
    <div className="columns">
      <div>
        <h4>{t('raids.members')}</h4>
        <ul data-testid="raid-members">
          {res.data.members.map((m) => (
            <li key={m.account}>
              {m.account} <span className="muted">{formatTime(m.joinedAt, lang)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4>{t('raids.history')}</h4>
        <ol>
          {res.data.events.map((e) => (
            <li key={e.id}>
              {formatTime(e.createdAt, lang)} · {e.type} · {e.previousStatus ? `${e.previousStatus} → ` : ''}
              {e.status} · {e.actor} · {e.reason}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
