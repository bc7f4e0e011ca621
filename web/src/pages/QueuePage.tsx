/**
 * The moderator's review queue: held messages, oldest first, each with its evidence highlighted in the text,
 * its labels and scores, and the sender's history on demand. Allow or block in one click (or one key: `a`,
 * `b`), with the reason in the item's field (a default is filled in). Filters by status, label, surface, channel.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SURFACES } from '../../../src/types.ts';
import { api, query, useApi } from '../api.tsx';
import { ErrorNote, KeyedPage, Status } from '../components/common.tsx';
import { HighlightedText, LabelChips, VerdictBadge } from '../components/Evidence.tsx';
import { formatTime, useI18n } from '../i18n.tsx';
import { MESSAGE_LABELS, type QueueItem, type QueuePage as QueuePageData } from '../types.ts';
import { AccountHistory } from './AccountHistory.tsx';

interface Filters {
  status: 'pending' | 'allowed' | 'blocked';
  label: string;
  surface: string;
  channel: string;
}

const EMPTY: Filters = { status: 'pending', label: '', surface: '', channel: '' };

export function QueuePage() {
  const { t } = useI18n();
  return (
    <KeyedPage title={t('queue.title')}>
      <Queue />
    </KeyedPage>
  );
}

function Queue() {
  const { t, term } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const path = `/v1/queue${query({ status: filters.status, label: filters.label, surface: filters.surface, channel: filters.channel, limit: 50 })}`;
  const page = useApi<QueuePageData>(path);
  const refs = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    if (page.data) {
      setItems(page.data.items);
      setNextCursor(page.data.nextCursor);
      setSelected((s) => Math.min(s, Math.max(0, page.data!.items.length - 1)));
    }
  }, [page.data]);

  const loadMore = async () => {
    if (!nextCursor) return;
    try {
      const more = await api<QueuePageData>(`/v1/queue${query({ status: filters.status, label: filters.label, surface: filters.surface, channel: filters.channel, limit: 50, cursor: nextCursor })}`);
      setItems((old) => [...old, ...more.items]);
      setNextCursor(more.nextCursor);
    } catch (err) {
      setActionError(err as Error);
    }
  };

  const decide = useCallback(
    async (item: QueueItem, decision: 'allow' | 'block', reason: string) => {
      setActionError(null);
      try {
        const updated = await api<QueueItem>(`/v1/queue/${encodeURIComponent(item.id)}/decision`, { method: 'POST', body: { decision, reason } });
        setAnnounce(t('queue.decided', { id: item.id, decision: decision === 'allow' ? t('queue.allow') : t('queue.block') }));
        setItems((old) => {
          const index = old.findIndex((i) => i.id === item.id);
          const next = updated.status === filters.status ? old.map((i) => (i.id === item.id ? updated : i)) : old.filter((i) => i.id !== item.id);
          // Keep the keyboard where the moderator is working: the item that took this one's place.
          const focusIndex = Math.min(index, next.length - 1);
          setSelected(Math.max(0, focusIndex));
          const focusItem = next[focusIndex];
          if (focusItem) queueMicrotask(() => refs.current.get(focusItem.id)?.focus());
          return next;
        });
      } catch (err) {
        setActionError(err as Error);
      }
    },
    [filters.status, t],
  );

  // One key per action when focus is not in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const item = items[selected];
      const focusAt = (i: number) => {
        const it = items[i];
        if (!it) return;
        setSelected(i);
        refs.current.get(it.id)?.focus();
      };
      if (e.key === 'j') focusAt(Math.min(selected + 1, items.length - 1));
      else if (e.key === 'k') focusAt(Math.max(selected - 1, 0));
      else if (e.key === 'r') page.reload();
      else if ((e.key === 'a' || e.key === 'b') && item) {
        const field = document.getElementById(`reason-${item.id}`) as HTMLInputElement | null;
        const reason = field?.value.trim() || (e.key === 'a' ? t('queue.defaultAllow') : t('queue.defaultBlock'));
        void decide(item, e.key === 'a' ? 'allow' : 'block', reason);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, decide, page, t]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setSelected(0);
    setFilters({ ...draft, channel: draft.channel.trim() });
  };

  return (
    <>
      <form onSubmit={apply} className="filters" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="visually-hidden">
          {t('queue.filters')}
        </h2>
        <label htmlFor={`${id}-status`}>{t('queue.status')}</label>
          <select id={`${id}-status`} name="status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as Filters['status'] })}>
            <option value="pending">{t('queue.status.pending')}</option>
            <option value="allowed">{t('queue.status.allowed')}</option>
            <option value="blocked">{t('queue.status.blocked')}</option>
          </select>
        <label htmlFor={`${id}-label`}>{t('queue.label')}</label>
          <select id={`${id}-label`} name="label" value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {MESSAGE_LABELS.map((l) => (
              <option key={l} value={l}>
                {term(l)}
              </option>
            ))}
          </select>
        <label htmlFor={`${id}-surface`}>{t('queue.surface')}</label>
          <select id={`${id}-surface`} name="surface" value={draft.surface} onChange={(e) => setDraft({ ...draft, surface: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {SURFACES.map((s) => (
              <option key={s} value={s}>
                {term(s)}
              </option>
            ))}
          </select>
        <label htmlFor={`${id}-channel`}>{t('queue.channel')}</label>
        <input id={`${id}-channel`} name="channel" value={draft.channel} onChange={(e) => setDraft({ ...draft, channel: e.target.value })} />
        <button type="submit">{t('queue.apply')}</button>
        <button type="button" onClick={page.reload}>
          {t('common.refresh')}
        </button>
      </form>
      <p className="hint">{t('queue.keys')}</p>
      <Status message={announce} />
      <ErrorNote error={page.error ?? actionError} />
      {page.loading && items.length === 0 && <p>{t('common.loading')}</p>}
      {!page.loading && !page.error && items.length === 0 && <p>{t('queue.empty')}</p>}
      <ol className="queue" aria-label={t('queue.title')}>
        {items.map((item, index) => (
          <QueueCard
            key={item.id}
            item={item}
            selected={index === selected}
            onFocus={() => setSelected(index)}
            onDecide={decide}
            cardRef={(el) => {
              if (el) refs.current.set(item.id, el);
              else refs.current.delete(item.id);
            }}
          />
        ))}
      </ol>
      {nextCursor && (
        <button type="button" onClick={loadMore}>
          {t('queue.more')}
        </button>
      )}
    </>
  );
}

function QueueCard({
  item,
  selected,
  onFocus,
  onDecide,
  cardRef,
}: {
  item: QueueItem;
  selected: boolean;
  onFocus(): void;
  onDecide(item: QueueItem, decision: 'allow' | 'block', reason: string): Promise<void>;
  cardRef(el: HTMLElement | null): void;
}) {
  const { t, term, lang } = useI18n();
  const m = item.message;
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState(false);
  const headingId = `item-${item.id}-h`;
  const reasonOr = (fallback: string) => reason.trim() || fallback;
  return (
    <li>
      <article
        className={`card queue-item${selected ? ' selected' : ''}`}
        tabIndex={0}
        ref={cardRef}
        onFocus={(e) => e.target === e.currentTarget && onFocus()}
        onClick={onFocus}
        aria-labelledby={headingId}
        data-testid="queue-item"
        data-item-id={item.id}
      >
        <h2 id={headingId} className="item-head">
          <VerdictBadge verdict={m.verdict} /> <span className="muted">{item.id}</span>
        </h2>
        <dl className="meta">
          <div>
            <dt>{t('queue.sender')}</dt>
            <dd data-testid="sender">{m.sender}</dd>
          </div>
          {m.recipient && (
            <div>
              <dt>{t('queue.recipient')}</dt>
              <dd>{m.recipient}</dd>
            </div>
          )}
          {m.channel && (
            <div>
              <dt>{t('queue.channel')}</dt>
              <dd>{m.channel}</dd>
            </div>
          )}
          {m.surface && (
            <div>
              <dt>{t('queue.surface')}</dt>
              <dd>{term(m.surface)}</dd>
            </div>
          )}
          <div>
            <dt>{t('queue.received')}</dt>
            <dd>{formatTime(m.receivedAt, lang)}</dd>
          </div>
        </dl>
        <HighlightedText text={m.text} evidence={m.evidence} />
        <LabelChips labels={m.labels} scores={m.scores} />
        {item.decision && (
          <p className="decision" data-testid="decision">
            {t('queue.decision', {
              decision: item.decision.decision === 'allow' ? t('queue.allow') : t('queue.block'),
              by: item.decision.decidedBy,
              reason: item.decision.reason,
            })}
          </p>
        )}
        <div className="decide">
          <label htmlFor={`reason-${item.id}`} className="visually-hidden">
            {t('queue.reasonFor', { id: item.id })}
          </label>
          <input
            id={`reason-${item.id}`}
            name="reason"
            placeholder={`${t('common.reason')}: ${t(m.verdict === 'block' ? 'queue.defaultBlock' : 'queue.defaultAllow')}…`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
          {item.status !== 'allowed' && (
            <button type="button" className="allow" onClick={() => void onDecide(item, 'allow', reasonOr(t('queue.defaultAllow')))} aria-keyshortcuts="a">
              {t('queue.allow')}
            </button>
          )}
          {item.status !== 'blocked' && (
            <button type="button" className="block" onClick={() => void onDecide(item, 'block', reasonOr(t('queue.defaultBlock')))} aria-keyshortcuts="b">
              {t('queue.block')}
            </button>
          )}
          <button type="button" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
            {t('queue.showHistory')}
          </button>
        </div>
        {history && <AccountHistory account={m.sender} />}
      </article>
    </li>
  );
}
