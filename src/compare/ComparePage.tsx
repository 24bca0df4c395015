import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FramingReport } from '../core/framing/types';
import { formatDate, plural } from '../ui/format';
import type { MarkKind } from '../ui/highlight';
import { ArticleColumn } from './ArticleColumn';
import { loadReport } from './connector';
import { evidenceByArticle } from './evidence';
import { ReportPanel } from './ReportPanel';

const LAYERS: { kind: MarkKind | 'only' | 'quoted'; label: string }[] = [
  { kind: 'naming', label: 'Names and labels' },
  { kind: 'term', label: 'Distinctive words' },
  { kind: 'quoted', label: 'Quotes by speaker' },
  { kind: 'only', label: 'Only in this article' },
  { kind: 'hedge', label: 'Hedges' },
];

type Theme = 'system' | 'light' | 'dark';

/** The articles side by side with the evidence marked in their text, and the report beside them. */
export function ComparePage({ search }: { search: string }) {
  const [report, setReport] = useState<FramingReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [layers, setLayers] = useState<Set<string>>(() => new Set(LAYERS.map((l) => l.kind)));
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    loadReport(search).then(setReport, (e: unknown) => setError((e as Error).message));
  }, [search]);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  const evidence = useMemo(() => (report ? evidenceByArticle(report) : null), [report]);

  const toggle = (kind: string) => {
    const next = new Set(layers);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setLayers(next);
  };

  if (error) return <main class="compare"><p role="alert" class="state-error" data-testid="error">{error}</p></main>;
  if (!report || !evidence) return <main class="compare" aria-busy="true"><p role="status">Comparing the articles…</p></main>;

  return (
    <main class="compare">
      <header class="compare-head">
        <h1>How the coverage differs</h1>
        <p class="muted">
          {report.articles.map((a) => `${a.outlet || 'Unknown outlet'} (${formatDate(a.published)}, ${plural(a.words, 'word')})`).join(' · ')}
        </p>
        <div class="toolbar" role="group" aria-label="Show in the text">
          {LAYERS.map((l) => (
            <label key={l.kind} class={`layer layer-${l.kind}`}>
              <input type="checkbox" checked={layers.has(l.kind)} onChange={() => toggle(l.kind)} data-testid={`layer-${l.kind}`} />
              {l.label}
            </label>
          ))}
          <label class="theme">
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme((e.currentTarget as HTMLSelectElement).value as Theme)} data-testid="theme">
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      </header>
      <div class="compare-body">
        <div class="columns-wrap" style={{ gridTemplateColumns: `repeat(${report.articles.length}, minmax(0, 1fr))` }}>
          {report.articles.map((a, i) => (
            <ArticleColumn
              key={a.id}
              article={a}
              side={i}
              sentences={report.sentences?.[a.id] ?? []}
              evidence={evidence.get(a.id)!}
              layers={layers}
            />
          ))}
        </div>
        <ReportPanel report={report} />
      </div>
    </main>
  );
}
