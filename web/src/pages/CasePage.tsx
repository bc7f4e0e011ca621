/**
 * One case for an investigator: summary (escalation marked), the report, deadlines with time left, progress
 * buttons (only the legal next steps), the decision form, the conversation with the reporter, internal notes,
 * assignment, the timeline of every event and the audit trail. Every read of this page is audited by the
 * service; nothing here is cached beyond the tab.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, storedKey, useApi } from '../api.tsx';
import { ErrorNote, KeyedPage, Status } from '../components/common.tsx';
import { formatDuration, formatTime, useI18n, type MessageKey } from '../i18n.tsx';
import { OUTCOMES, type CaseEventView, type CaseView } from '../types.ts';
import { useNow } from '../useNow.ts';

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const back = (
    <p>
      <a href="#/cases">← {t('common.back')}</a>
    </p>
  );
  return (
    <KeyedPage title={t('case.title', { id: caseId })} before={back}>
      <Case caseId={caseId} />
    </KeyedPage>
  );
}

interface AuditEntry {
  seq: number;
  action: string;
  actor: string;
  at: string;
  details: unknown;
}

function Case({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const base = `/v1/cases/${encodeURIComponent(caseId)}`;
  const res = useApi<CaseView>(base);
  const [view, setView] = useState<CaseView | null>(null);
  const [auditTick, setAuditTick] = useState(0);
  const [announce, setAnnounce] = useState<string | null>(null);
  useEffect(() => {
    if (res.data) setView(res.data);
  }, [res.data]);

  /** Every action returns the case as it now is. */
  const act = async (path: string, body: unknown, done: string) => {
    const next = await api<CaseView>(`${base}${path}`, { method: 'POST', body });
    setView(next);
    setAuditTick((n) => n + 1);
    setAnnounce(done);
  };

  if (res.error && !view) return <ErrorNote error={res.error} />;
  if (!view) return <p>{t('common.loading')}</p>;
  return (
    <>
      <Status message={announce} />
      <Summary view={view} onRefresh={() => (res.reload(), setAuditTick((n) => n + 1))} />
      <Deadlines view={view} />
      <Progress view={view} act={act} />
      <Conversation view={view} act={act} />
      <DecisionForm view={view} act={act} />
      <Notes view={view} act={act} />
      <Assignment view={view} base={base} onAssigned={(v, msg) => (setView(v), setAnnounce(msg), setAuditTick((n) => n + 1))} />
      <Timeline events={view.events} />
      <Audit base={base} tick={auditTick} />
    </>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Summary({ view, onRefresh }: { view: CaseView; onRefresh(): void }) {
  const { t, lang } = useI18n();
  const escalations = view.events.filter((e) => e.type === 'escalated').length;
  return (
    <Section title={t('case.summary')} testId="case-summary">
      <dl className="meta">
        <div>
          <dt>{t('common.status')}</dt>
          <dd data-testid="case-status" data-status={view.status}>
            {t(`status.${view.status}` as MessageKey)}
          </dd>
        </div>
        <div>
          <dt>{t('cases.category')}</dt>
          <dd>{t(`category.${view.category}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('cases.tier')}</dt>
          <dd data-testid="case-tier">{view.tier}</dd>
        </div>
        <div>
          <dt>{t('cases.assignee')}</dt>
          <dd>{view.assignee ? `${view.assignee.name ?? ''} (${view.assignee.id})` : t('case.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('case.unit')}</dt>
          <dd>{view.unit}</dd>
        </div>
        <div>
          <dt>{t('case.reporter')}</dt>
          <dd>{view.anonymous || !view.reporter ? t('case.anonymousReporter') : `${view.reporter.name ?? ''} (${view.reporter.id})`}</dd>
        </div>
        <div>
          <dt>{t('common.time')}</dt>
          <dd>{formatTime(view.createdAt, lang)}</dd>
        </div>
      </dl>
      {escalations > 0 && (
        <p>
          <span className="badge escalated" data-testid="escalated">
            {t('cases.escalatedTimes', { n: escalations })}
          </span>
        </p>
      )}
      {view.policeReportPrompt && <p className="notice">{t('case.policeHint')}</p>}
      <h3>{t('case.report')}</h3>
      <p className="message-text" data-testid="report-text">
        {view.report.text}
      </p>
      <dl className="meta">
        <div>
          <dt>{t('case.accused')}</dt>
          <dd>{view.report.accused.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('case.witnesses')}</dt>
          <dd>{view.report.witnesses.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('case.occurredAt')}</dt>
          <dd>{formatTime(view.report.occurredAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('case.location')}</dt>
          <dd>{view.report.location ?? '—'}</dd>
        </div>
      </dl>
      {view.attachments.length > 0 && (
        <>
          <h3>{t('case.attachments')}</h3>
          <ul>
            {view.attachments.map((a) => (
              <li key={a.id}>
                {a.filename} ({a.contentType}, {a.size} B) <DownloadButton caseId={view.id} attachmentId={a.id} filename={a.filename} />
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onRefresh}>
        {t('common.refresh')}
      </button>
    </Section>
  );
}

/** Attachments need the API key, so they are fetched and handed to the browser as a blob. */
function DownloadButton({ caseId, attachmentId, filename }: { caseId: string; attachmentId: string; filename: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<Error | null>(null);
  const download = async () => {
    setError(null);
    try {
      const res = await fetch(`/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`, { headers: { authorization: `Bearer ${storedKey() ?? ''}` } });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <>
      <button type="button" onClick={download}>
        {t('case.download')}
      </button>
      <ErrorNote error={error} />
    </>
  );
}

function Deadlines({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const now = useNow(1000);
  if (view.deadlines.length === 0) return null;
  return (
    <Section title={t('case.deadlines')} testId="case-deadlines">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('cases.deadline')}</th>
            <th scope="col">{t('common.time')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('cases.tier')}</th>
            <th scope="col">{t('cases.timeLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {view.deadlines.map((d, i) => {
            const left = Date.parse(d.dueAt) - now;
            return (
              <tr key={i} data-kind={d.kind} data-state={d.state}>
                <td>{t(`deadline.${d.kind}` as MessageKey)}</td>
                <td>{formatTime(d.dueAt, lang)}</td>
                <td className={d.state === 'missed' ? 'overdue' : ''}>{t(`deadlineState.${d.state}` as MessageKey)}</td>
                <td>{d.tier}</td>
                <td className={d.state === 'pending' && left < 0 ? 'overdue' : ''}>
                  {d.state !== 'pending' ? '—' : left < 0 ? t('cases.overdue', { time: formatDuration(left, lang) }) : t('cases.left', { time: formatDuration(left, lang) })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

type Act = (path: string, body: unknown, done: string) => Promise<void>;

function useAction(act: Act) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await act(path, body, done);
      return true;
    } catch (err) {
      setError(err as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Progress({ view, act }: { view: CaseView; act: Act }) {
  const { t } = useI18n();
  const { error, busy, run } = useAction(act);
  const steps: Array<['acknowledged' | 'triaged' | 'closed', MessageKey]> = [];
  if (view.status === 'new') steps.push(['acknowledged', 'case.acknowledge']);
  if (view.status === 'acknowledged') steps.push(['triaged', 'case.triage']);
  if (view.status === 'decided') steps.push(['closed', 'case.close']);
  if (steps.length === 0) return null;
  return (
    <Section title={t('case.actions')}>
      <div className="row">
        {steps.map(([status, label]) => (
          <button key={status} type="button" className="primary" disabled={busy} onClick={() => void run('/status', { status }, t('case.done'))}>
            {t(label)}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
    </Section>
  );
}

function TextForm({ label, submit, onSubmit, name, rows = 4 }: { label: string; submit: string; onSubmit(text: string): Promise<boolean>; name: string; rows?: number }) {
  const id = useId();
  const [text, setText] = useState('');
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSubmit(text)) setText('');
  };
  return (
    <form onSubmit={send} className="stack">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} rows={rows} required value={text} onChange={(e) => setText(e.target.value)} />
      <div>
        <button type="submit">{submit}</button>
      </div>
    </form>
  );
}

function Conversation({ view, act }: { view: CaseView; act: Act }) {
  const { t, lang } = useI18n();
  const { error, run } = useAction(act);
  const messages = view.events.filter((e) => e.type === 'message' || e.type === 'checkin_sent');
  return (
    <Section title={t('case.conversation')} testId="case-conversation">
      {messages.length === 0 ? (
        <p>{t('case.noMessages')}</p>
      ) : (
        <ol className="conversation">
          {messages.map((m) => {
            const from = m.type === 'checkin_sent' ? 'haven' : String(m.from ?? 'investigator');
            return (
              <li key={m.seq} className={`from-${from}`} data-from={from}>
                <strong>{t(`receipt.from.${from}` as MessageKey)}</strong> <span className="muted">{formatTime(m.at, lang)}</span>
                {from === 'investigator' && <span className="muted"> · {m.by}</span>}
                <br />
                {m.text ?? ''}
              </li>
            );
          })}
        </ol>
      )}
      {view.status !== 'closed' && <TextForm label={t('case.reply')} submit={t('common.send')} name="reply" onSubmit={(text) => run('/messages', { text }, t('case.replySent'))} />}
      <ErrorNote error={error} />
    </Section>
  );
}

function DecisionForm({ view, act }: { view: CaseView; act: Act }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { error, busy, run } = useAction(act);
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  const [text, setText] = useState('');
  const decided = [...view.events].reverse().find((e) => e.type === 'decided');
  const canDecide = view.status === 'acknowledged' || view.status === 'triaged';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('/decision', { outcome, text }, t('case.decided'))) setText('');
  };
  return (
    <Section title={t('case.decision')} testId="case-decision">
      {decided && (
        <div data-testid="decision-recorded">
          <p>
            <strong>{t(`outcome.${String(decided.outcome)}` as MessageKey)}</strong> · {formatTime(decided.at, lang)} · {decided.by}
          </p>
          <p className="message-text">{decided.text ?? ''}</p>
        </div>
      )}
      {canDecide ? (
        <form onSubmit={submit} className="stack">
          <label htmlFor={`${id}-outcome`}>{t('case.outcome')}</label>
          <select id={`${id}-outcome`} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}` as MessageKey)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-text`}>{t('case.decisionText')}</label>
          <textarea id={`${id}-text`} name="decision" rows={5} required value={text} onChange={(e) => setText(e.target.value)} />
          <div>
            <button type="submit" className="primary" disabled={busy}>
              {t('case.decide')}
            </button>
          </div>
        </form>
      ) : (
        !decided && <p className="hint">{t('status.' + view.status as MessageKey)}</p>
      )}
      <ErrorNote error={error} />
    </Section>
  );
}

function Notes({ view, act }: { view: CaseView; act: Act }) {
  const { t } = useI18n();
  const { error, run } = useAction(act);
  return (
    <Section title={t('case.note')}>
      <TextForm label={t('case.note')} submit={t('case.addNote')} name="note" rows={3} onSubmit={(text) => run('/notes', { text }, t('case.done'))} />
      <ErrorNote error={error} />
      {view.events.some((e) => e.type === 'note') && <p className="hint">{view.events.filter((e) => e.type === 'note').length} ×</p>}
    </Section>
  );
}

interface Candidate {
  id: string;
  name: string | null;
  tier: number;
}

/**
 * Assignment: the current assignee, and — where the service offers it — the conflict-free investigators the
 * case may be given to (the service computes the list; the console offers nobody else).
 */
function Assignment({ view, base, onAssigned }: { view: CaseView; base: string; onAssigned(view: CaseView, message: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const candidates = useApi<{ candidates: Candidate[] }>(`${base}/assignees`);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const missingRoute = candidates.error instanceof ApiError && candidates.error.status === 404 && candidates.error.message.startsWith('no route');
  const list = (candidates.data?.candidates ?? []).filter((c) => c.id !== view.assignee?.id);
  const assign = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const next = await api<CaseView>(`${base}/assignment`, { method: 'POST', body: { assigneeId: chosen } });
      onAssigned(next, t('case.assigned'));
      candidates.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <Section title={t('case.assignment')} testId="case-assignment">
      <p>
        {t('case.currentAssignee')}: <strong>{view.assignee ? `${view.assignee.name ?? ''} (${view.assignee.id})` : t('case.unassigned')}</strong>
      </p>
      {missingRoute ? (
        <p className="hint">{t('case.assignmentUnavailable')}</p>
      ) : candidates.error ? (
        <ErrorNote error={candidates.error} />
      ) : candidates.data && list.length === 0 ? (
        <p>{t('case.noCandidates')}</p>
      ) : candidates.data ? (
        <form onSubmit={assign} className="row">
          <label htmlFor={`${id}-to`}>{t('case.assignTo')}</label>
          <select id={`${id}-to`} name="assignee" required value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="" disabled>
              —
            </option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name ?? c.id} ({c.id}, {t('cases.tier')} {c.tier})
              </option>
            ))}
          </select>
          <button type="submit">{t('case.assign')}</button>
        </form>
      ) : null}
      <ErrorNote error={error} />
    </Section>
  );
}

function describeEvent(e: CaseEventView, t: ReturnType<typeof useI18n>['t'], lang: ReturnType<typeof useI18n>['lang']): string {
  switch (e.type) {
    case 'escalated':
      return `${t('case.tierChange', { from: String(e.fromTier), to: String(e.toTier) })}${e.reason ? ` — ${String(e.reason)}` : ''}`;
    case 'deadline_missed':
      return t('case.missed', { deadline: t(`deadline.${String(e.deadline)}` as MessageKey), due: formatTime(String(e.dueAt), lang) });
    case 'assigned':
      return `${t('case.assignedTo', { who: String(e.assignee ?? '—') })} (${t('cases.tier')} ${String(e.tier)}, ${String(e.reason)})`;
    case 'decided':
      return t(`outcome.${String(e.outcome)}` as MessageKey);
    case 'reported':
      return `${t(`category.${String(e.category)}` as MessageKey)} · ${t('cases.tier')} ${String(e.tier)}`;
    case 'oversight_alerted':
      return String(e.reason ?? '');
    default:
      return e.text ?? '';
  }
}

function Timeline({ events }: { events: CaseEventView[] }) {
  const { t, lang } = useI18n();
  return (
    <Section title={t('case.timeline')} testId="case-timeline">
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.seq} className={`ev-${e.type}`} data-type={e.type}>
            <strong>{t(`event.${e.type}` as MessageKey)}</strong> <span className="muted">{formatTime(e.at, lang)} · {t('case.by', { who: e.by })}</span>
            <br />
            <span className="event-detail">{describeEvent(e, t, lang)}</span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function Audit({ base, tick }: { base: string; tick: number }) {
  const { t, lang } = useI18n();
  const res = useApi<{ entries: AuditEntry[] }>(`${base}/audit`);
  const { reload } = res;
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);
  return (
    <Section title={t('case.audit')} testId="case-audit">
      <ErrorNote error={res.error} />
      {res.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('common.time')}</th>
              <th scope="col">{t('case.auditActor')}</th>
              <th scope="col">{t('case.auditAction')}</th>
              <th scope="col">{t('case.auditDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {res.data.entries.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td>{e.seq}</td>
                <td>{formatTime(e.at, lang)}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td className="details">
                  <code>{e.details && typeof e.details === 'object' && Object.keys(e.details).length ? JSON.stringify(e.details) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
