/**
 * The lexicon detector: every term of every rules/lexicon/<label>.<lang>.yaml file, found in one pass
 * (shared with the other term lists when the engine passes its catalog).
 */
import { TermCatalog } from './matcher/term-index.ts';
import type { LexiconEntry, LexiconFile } from './rules-schema.ts';
import type { Detector, Finding, ScreenDoc } from './types.ts';

interface Payload {
  file: string;
  label: LexiconFile['label'];
  entry: LexiconEntry;
}

export function lexiconDetector(files: Array<LexiconFile & { file: string }>, catalog: TermCatalog = new TermCatalog()): Detector {
  const specs = files.flatMap((f) =>
    f.entries.map((entry) => ({
      term: entry.term,
      value: { file: f.file, label: f.label, entry } satisfies Payload,
      ...(entry.match !== undefined ? { match: entry.match } : {}),
      ...(entry.phonetic !== undefined ? { phonetic: entry.phonetic } : {}),
      ...(entry.allow !== undefined ? { allow: entry.allow } : {}),
    })),
  );
  const index = catalog.add<Payload>(specs, 'rules/lexicon');
  return {
    id: 'lexicon',
    detect(doc: ScreenDoc): Finding[] {
      const findings: Finding[] = [];
      for (const hit of index.find(doc.normalized)) {
        const { entry, label, file } = hit.value;
        if (entry.surfaces && (doc.surface === undefined || !entry.surfaces.includes(doc.surface))) continue;
        if (entry.kinds && !entry.kinds.includes(doc.kind)) continue;
        findings.push({
          label,
          rule: `lexicon:${file}:${entry.term}${hit.via === 'sound' ? ' (by sound)' : ''}`,
          start: hit.start,
          end: hit.end,
          score: entry.score,
          severity: entry.severity,
        });
      }
      return findings;
    },
  };
}
