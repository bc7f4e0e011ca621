/**
 * Evidence shown where it was found: the ORIGINAL text cut at every span boundary, each piece covered by a
 * span wrapped in <mark> naming its labels. Spans are half-open [start, end) in UTF-16 units, exactly as the
 * engine reports them, so `String.prototype.slice` cuts at the same places.
 *
 * Text is rendered as React text nodes only (escaped): markup in a message shows as markup, never runs.
 */
import type { Evidence } from '../../../src/types.ts';
import { useI18n } from '../i18n.tsx';

export interface PlacedSpan {
  start: number;
  end: number;
  evidence: Evidence[];
}

export interface Placement {
  /** Pieces in order; a piece with no evidence is plain text. */
  pieces: Array<{ text: string; evidence: Evidence[] }>;
  /** Evidence whose span does not fit the text shown (a stored text that was redacted after screening). */
  unplaced: Evidence[];
}

/**
 * Where each evidence item lies in `text`. An item whose [start, end) does not hold its excerpt (the stored
 * text was redacted, moving offsets) is looked up by its excerpt instead, nearest to where it was; failing
 * that it is listed as unplaced rather than highlighted in the wrong place.
 */
export function placeEvidence(text: string, evidence: readonly Evidence[]): Placement {
  const located: Array<{ start: number; end: number; e: Evidence }> = [];
  const unplaced: Evidence[] = [];
  for (const e of evidence) {
    const inRange = Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end <= text.length && e.start < e.end;
    if (inRange && (!e.excerpt || text.slice(e.start, e.end) === e.excerpt)) {
      located.push({ start: e.start, end: e.end, e });
      continue;
    }
    const at = e.excerpt ? nearestIndexOf(text, e.excerpt, e.start) : -1;
    if (at >= 0) located.push({ start: at, end: at + e.excerpt.length, e });
    else unplaced.push(e);
  }
  const cuts = new Set<number>([0, text.length]);
  for (const l of located) {
    cuts.add(l.start);
    cuts.add(l.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Placement['pieces'] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a === b) continue;
    pieces.push({ text: text.slice(a, b), evidence: located.filter((l) => l.start <= a && l.end >= b).map((l) => l.e) });
  }
  return { pieces, unplaced };
}

function nearestIndexOf(text: string, needle: string, near: number): number {
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

export function HighlightedText({ text, evidence, label }: { text: string; evidence: readonly Evidence[]; label?: string }) {
  const { t, term } = useI18n();
  const { pieces, unplaced } = placeEvidence(text, evidence);
  return (
    <>
      <p className="message-text" aria-label={label} data-testid="highlighted-text">
        {pieces.map((p, i) => {
          if (p.evidence.length === 0) return <span key={i}>{p.text}</span>;
          const labels = [...new Set(p.evidence.map((e) => e.label))];
          const title = p.evidence.map((e) => `${term(e.label)} · ${e.rule} · ${e.score.toFixed(2)}`).join('\n');
          return (
            <mark key={i} className={`ev ev-${labels[0]}`} data-labels={labels.join(' ')} title={title}>
              {p.text}
              <span className="visually-hidden"> ({labels.map(term).join(', ')})</span>
            </mark>
          );
        })}
      </p>
      {unplaced.length > 0 && (
        <p className="hint">
          {t('evidence.unplaced')} {unplaced.map((e) => `${term(e.label)} (${e.rule})`).join('; ')}
        </p>
      )}
    </>
  );
}

export function LabelChips({ labels, scores }: { labels: readonly string[]; scores?: Partial<Record<string, number>> }) {
  const { t, term } = useI18n();
  if (labels.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('common.labels')}>
      {labels.map((l) => (
        <li key={l} className={`chip ev-${l}`} data-label={l}>
          {term(l)}
          {scores?.[l] !== undefined && <span className="score"> {scores[l]!.toFixed(2)}</span>}
        </li>
      ))}
    </ul>
  );
}

export function EvidenceTable({ evidence }: { evidence: readonly Evidence[] }) {
  const { t, term } = useI18n();
  if (evidence.length === 0) return <p>{t('try.noEvidence')}</p>;
  return (
    <table className="evidence-table">
      <caption className="visually-hidden">{t('common.evidence')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('queue.label')}</th>
          <th scope="col">{t('evidence.rule')}</th>
          <th scope="col">{t('evidence.excerpt')}</th>
          <th scope="col">{t('evidence.span')}</th>
          <th scope="col">{t('common.scores')}</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e, i) => (
          <tr key={i}>
            <td>{term(e.label)}</td>
            <td>
              <code>{e.rule}</code>
            </td>
            <td>{e.excerpt}</td>
            <td>
              [{e.start}, {e.end})
            </td>
            <td>{e.score.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VerdictBadge({ verdict }: { verdict: string }) {
  const { t } = useI18n();
  const key = verdict === 'block' ? 'verdict.block' : verdict === 'hold' ? 'verdict.hold' : verdict === 'allow' ? 'verdict.allow' : null;
  return (
    <strong className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      {key ? t(key) : verdict}
    </strong>
  );
}
