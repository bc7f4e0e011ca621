/** Paste a text, see what the engine decides and where in the text its evidence lies. */
import { useId, useState } from 'react';
import type { ScreenResult } from '../../../src/types.ts';
import { SURFACES } from '../../../src/types.ts';
import { api } from '../api.tsx';
import { ErrorNote, KeyedPage } from '../components/common.tsx';
import { EvidenceTable, HighlightedText, LabelChips, VerdictBadge } from '../components/Evidence.tsx';
import { useI18n } from '../i18n.tsx';
import { useSubmit } from '../useSubmit.ts';

export function TryPage() {
  const { t } = useI18n();
  return (
    <KeyedPage title={t('try.title')}>
      <TryForm />
    </KeyedPage>
  );
}

function TryForm() {
  const { t, term } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'message' | 'listing'>('message');
  const [surface, setSurface] = useState('');
  const [result, setResult] = useState<{ text: string; result: ScreenResult } | null>(null);

  const { busy, error, onSubmit: submit } = useSubmit(async () => {
    const screened = await api<ScreenResult>('/v1/screen', { method: 'POST', body: { text, kind, ...(surface ? { surface } : {}) } });
    // Highlight against the text that was screened, not whatever the box holds now.
    setResult({ text, result: screened });
  });

  return (
    <>
      <form onSubmit={submit} className="stack">
        <label htmlFor={`${id}-text`}>{t('try.text')}</label>
        <textarea id={`${id}-text`} name="text" rows={6} required value={text} onChange={(e) => setText(e.target.value)} />
        <div className="row">
          <label htmlFor={`${id}-kind`}>{t('try.kind')}</label>
            <select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as 'message' | 'listing')}>
              <option value="message">{t('try.kind.message')}</option>
              <option value="listing">{t('try.kind.listing')}</option>
            </select>
          <label htmlFor={`${id}-surface`}>{t('try.surface')}</label>
            <select id={`${id}-surface`} name="surface" value={surface} onChange={(e) => setSurface(e.target.value)}>
              <option value="">{t('common.any')}</option>
              {SURFACES.map((s) => (
                <option key={s} value={s}>
                  {term(s)}
                </option>
              ))}
            </select>
          <button type="submit" disabled={busy}>
            {t('try.submit')}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
      {result && (
        <section aria-labelledby={`${id}-result`} className="card" data-testid="screen-result">
          <h2 id={`${id}-result`}>
            {t('try.result')}: <VerdictBadge verdict={result.result.verdict} />
          </h2>
          <LabelChips labels={result.result.labels} scores={result.result.scores} />
          <h3>{t('try.highlighted')}</h3>
          <HighlightedText text={result.text} evidence={result.result.evidence} label={t('try.highlighted')} />
          <h3>{t('common.evidence')}</h3>
          <EvidenceTable evidence={result.result.evidence} />
          {result.result.mitigations && result.result.mitigations.length > 0 && (
            <>
              <h3>{t('try.mitigations')}</h3>
              <ul>
                {result.result.mitigations.map((m, i) => (
                  <li key={i}>
                    <code>{m.rule}</code>: {m.reason} ({m.labels.map(term).join(', ')})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
