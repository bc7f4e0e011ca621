/**
 * The reporter's way back: enter the receipt, read the status, the decision and the conversation, and write
 * to the investigator. The receipt travels only in the `X-Haven-Receipt` header and lives only in this
 * component's memory (never in storage or the URL); "Close and forget" drops it.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api.tsx';
import { ErrorNote, Status } from '../components/common.tsx';
import { formatTime, useI18n, type MessageKey } from '../i18n.tsx';
import type { ReceiptView } from '../types.ts';
import { useSubmit } from '../useSubmit.ts';

const RECEIPT_HEADER = 'X-Haven-Receipt';

export function ReceiptPage() {
  const { t } = useI18n();
  const id = useId();
  const [entered, setEntered] = useState('');
  const [receipt, setReceipt] = useState<string | null>(null);
  const [view, setView] = useState<ReceiptView | null>(null);

  const { busy, error, onSubmit: open } = useSubmit(async () => {
    const code = entered.trim();
    setView(await api<ReceiptView>('/v1/receipt', { auth: false, headers: { [RECEIPT_HEADER]: code } }));
    setReceipt(code);
    setEntered('');
  });

  const forget = () => {
    setReceipt(null);
    setView(null);
  };

  return (
    <>
      <h1>{t('receipt.title')}</h1>
      {!receipt || !view ? (
        <>
          <form onSubmit={open} className="stack narrow">
            <label htmlFor={`${id}-receipt`}>{t('receipt.enter')}</label>
            <input
              id={`${id}-receipt`}
              name="receipt"
              required
              autoComplete="off"
              spellCheck={false}
              value={entered}
              onChange={(e) => setEntered(e.target.value)}
              aria-describedby={`${id}-hint`}
            />
            <p id={`${id}-hint`} className="hint">
              {t('receipt.enterHint')}
            </p>
            <button type="submit" className="primary" disabled={busy}>
              {t('receipt.open')}
            </button>
          </form>
          <ErrorNote error={error} />
        </>
      ) : (
        <ReceiptCase receipt={receipt} view={view} onView={setView} onForget={forget} />
      )}
    </>
  );
}

function ReceiptCase({ receipt, view, onView, onForget }: { receipt: string; view: ReceiptView; onView(v: ReceiptView): void; onForget(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      onView(await api<ReceiptView>('/v1/receipt/messages', { method: 'POST', auth: false, headers: { [RECEIPT_HEADER]: receipt }, body: { text } }));
      setText('');
      setSent(t('receipt.sent'));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const refresh = async () => {
    try {
      onView(await api<ReceiptView>('/v1/receipt', { auth: false, headers: { [RECEIPT_HEADER]: receipt } }));
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section data-testid="receipt-case">
      <h2>{t('receipt.status')}</h2>
      <dl className="meta">
        <div>
          <dt>{t('report.caseId')}</dt>
          <dd>{view.caseId}</dd>
        </div>
        <div>
          <dt>{t('common.status')}</dt>
          <dd data-testid="receipt-status" data-status={view.status}>
            {t(`status.${view.status}` as MessageKey)}
          </dd>
        </div>
        <div>
          <dt>{t('cases.category')}</dt>
          <dd>{t(`category.${view.category}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('common.time')}</dt>
          <dd>{formatTime(view.createdAt, lang)}</dd>
        </div>
      </dl>
      <p>{view.acknowledged ? t('receipt.acknowledged') : t('receipt.notAcknowledged')}</p>
      {view.policeReportPrompt && <p className="notice">{view.policeReportAdvice ?? t('report.police')}</p>}
      {view.decision && (
        <section className="card" aria-labelledby={`${id}-decision`}>
          <h3 id={`${id}-decision`}>
            {t('receipt.decision')}: {t(`outcome.${view.decision.outcome}` as MessageKey)}
          </h3>
          <p className="message-text">{view.decision.text}</p>
        </section>
      )}
      <h3>{t('receipt.replies')}</h3>
      {view.messages.length === 0 ? (
        <p>{t('receipt.noMessages')}</p>
      ) : (
        <ol className="conversation" data-testid="conversation">
          {view.messages.map((m, i) => (
            <li key={i} className={`from-${m.from}`} data-from={m.from}>
              <strong>{t(`receipt.from.${m.from}` as MessageKey)}</strong> <span className="muted">{formatTime(m.at, lang)}</span>
              <br />
              {m.text}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={send} className="stack">
        <label htmlFor={`${id}-write`}>{t('receipt.write')}</label>
        <textarea id={`${id}-write`} name="text" rows={4} required value={text} onChange={(e) => setText(e.target.value)} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('common.send')}
          </button>
          <button type="button" onClick={refresh}>
            {t('common.refresh')}
          </button>
          <button type="button" onClick={onForget}>
            {t('receipt.forget')}
          </button>
        </div>
      </form>
      <Status message={sent} />
      <ErrorNote error={error} />
    </section>
  );
}
