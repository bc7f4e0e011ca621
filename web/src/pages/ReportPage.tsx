/**
 * A plain page to report harassment or assault, named or anonymous. No API key is ever sent from here (a
 * staff member logged in on the same computer must not tie their key to an anonymous report). After sending,
 * the receipt is shown ONCE — it lives only in this component's memory — with a warning to keep it and a
 * copy button.
 */
import { useId, useRef, useState } from 'react';
import { api } from '../api.tsx';
import { ErrorNote, Status } from '../components/common.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSubmit } from '../useSubmit.ts';
import { CATEGORIES, type ReportReceipt } from '../types.ts';

const splitNames = (s: string) =>
  s
    .split(/[,，、;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function ReportPage() {
  const { t } = useI18n();
  const [done, setDone] = useState<ReportReceipt | null>(null);
  return (
    <>
      <h1>{t('report.title')}</h1>
      {done ? <ReceiptOnce receipt={done} /> : <ReportForm onSent={setDone} />}
    </>
  );
}

function ReportForm({ onSent }: { onSent(receipt: ReportReceipt): void }) {
  const { t } = useI18n();
  const id = useId();
  const [category, setCategory] = useState<string>('sexual_harassment');
  const [text, setText] = useState('');
  const [accused, setAccused] = useState('');
  const [witnesses, setWitnesses] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [location, setLocation] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [reporterId, setReporterId] = useState('');

  const { busy, error, onSubmit: submit } = useSubmit(async () => {
    const body: Record<string, unknown> = { anonymous, category, text, accused: splitNames(accused), witnesses: splitNames(witnesses) };
    if (occurredAt) body.occurredAt = new Date(occurredAt).toISOString();
    if (location.trim()) body.location = location.trim();
    if (!anonymous) body.reporterId = reporterId.trim();
    onSent(await api<ReportReceipt>('/v1/reports', { method: 'POST', body, auth: false }));
  });

  return (
    <>
      <p>{t('report.intro')}</p>
      <form onSubmit={submit} className="stack">
        <label htmlFor={`${id}-category`}>{t('report.category')}</label>
        <select id={`${id}-category`} name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}` as MessageKey)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-text`}>{t('report.description')}</label>
        <textarea id={`${id}-text`} name="text" rows={8} required value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor={`${id}-accused`}>{t('report.accused')}</label>
        <input id={`${id}-accused`} name="accused" required value={accused} onChange={(e) => setAccused(e.target.value)} />
        <label htmlFor={`${id}-witnesses`}>{t('report.witnesses')}</label>
        <input id={`${id}-witnesses`} name="witnesses" value={witnesses} onChange={(e) => setWitnesses(e.target.value)} />
        <label htmlFor={`${id}-when`}>{t('report.when')}</label>
        <input id={`${id}-when`} name="occurredAt" type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />
        <label htmlFor={`${id}-where`}>{t('report.where')}</label>
        <input id={`${id}-where`} name="location" value={location} onChange={(e) => setLocation(e.target.value)} />
        <fieldset>
          <legend>{t('report.who')}</legend>
          <label>
            <input type="radio" name="anonymous" value="yes" checked={anonymous} onChange={() => setAnonymous(true)} /> {t('report.anonymous')}
          </label>
          <p className="hint">{t('report.anonymousHint')}</p>
          <label>
            <input type="radio" name="anonymous" value="no" checked={!anonymous} onChange={() => setAnonymous(false)} /> {t('report.named')}
          </label>
          {!anonymous && (
            <div className="stack narrow">
              <label htmlFor={`${id}-reporter`}>{t('report.name')}</label>
              <input id={`${id}-reporter`} name="reporterId" required value={reporterId} onChange={(e) => setReporterId(e.target.value)} />
            </div>
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t('report.submit')}
        </button>
      </form>
      <ErrorNote error={error} />
    </>
  );
}

function ReceiptOnce({ receipt }: { receipt: ReportReceipt }) {
  const { t } = useI18n();
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [kept, setKept] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.receipt);
      setCopied(t('report.copied'));
    } catch {
      // No clipboard (permissions, old browser): select the code so Ctrl+C copies it.
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied(t('report.copyFailed'));
    }
  };

  return (
    <section aria-labelledby="receipt-h" data-testid="report-sent">
      <h2 id="receipt-h">{t('report.sent')}</h2>
      <div className="warning" role="alert">
        <p>
          <strong>{t('report.warning')}</strong>
        </p>
        <p>
          {t('report.receipt')}: <code ref={code} className="receipt-code" data-testid="receipt-code">{receipt.receipt}</code>
        </p>
        <div className="row">
          <button type="button" onClick={copy}>
            {t('report.copy')}
          </button>
          <label>
            <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} /> {t('report.kept')}
          </label>
        </div>
        <Status message={copied} />
      </div>
      {receipt.policeReportPrompt && <p className="notice">{t('report.police')}</p>}
      <p>
        {t('report.caseId')}: <span data-testid="case-id">{receipt.caseId}</span>
      </p>
      {kept && (
        <p>
          <a href="#/receipt">{t('nav.receipt')}</a>
        </p>
      )}
    </section>
  );
}
