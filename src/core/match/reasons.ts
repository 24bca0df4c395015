import type { MatchReasons } from '../types';
import { cosines, type Part, type PartValues, type QueryVector } from './vectors';
import type { Vocabulary } from './vocabulary';
import type { RecordFeatures } from './features';

const MAX_LISTED = 8;

/**
 * Why an article matched, in the query's own words: the shared entities, terms and
 * numbers that contributed most to the cosines, the date gap and the part scores.
 */
export function explainMatch(
  q: QueryVector,
  features: RecordFeatures,
  doc: Uint32Array,
  vocab: Vocabulary,
  logN1: number,
  gapDays: number | null,
  parts: PartValues & { date?: number; plain?: number; event?: number },
): MatchReasons {
  const shared: Record<Part, { key: string; weight: number }[]> = { title: [], lead: [], body: [], entities: [], numbers: [] };
  cosines(q, doc, vocab, logN1, (qi, part, weight) => shared[part].push({ key: q.keys[qi]!, weight }));
  const readable = (part: Part): string[] => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const s of shared[part].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))) {
      const text = features.surface.get(s.key) ?? s.key.replace(/^[@#]/, '');
      const folded = text.toLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      out.push(text);
      if (out.length >= MAX_LISTED) break;
    }
    return out;
  };
  const entities = readable('entities');
  const entityWords = new Set(entities.flatMap((e) => e.toLowerCase().split(/\s+/)));
  const rounded: Record<string, number> = {};
  for (const [k, v] of Object.entries(parts)) rounded[k] = Math.round(v * 1000) / 1000;
  return {
    entities,
    // Terms that merely repeat a listed name would say the same thing twice.
    terms: readable('body').filter((t) => !entityWords.has(t.toLowerCase())),
    numbers: readable('numbers'),
    dateGapDays: gapDays,
    parts: rounded,
  };
}
