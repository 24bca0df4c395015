import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FramingReport } from '../core/framing/types';
import type { Browser } from '../shared/browser';
import { formatDate } from '../ui/format';
import type { MarkKind } from '../ui/highlight';
import { t, tn, type MessageKey } from '../shared/i18n';
import { ThemeSelect } from '../ui/ThemeSelect';
import { ArticleColumn } from './ArticleColumn';
import { loadReport } from './connector';
import { evidenceByArticle } from './evidence';
import { ReportPanel } from './ReportPanel';

const LAYERS: { kind: MarkKind | 'only' | 'quoted'; label: MessageKey }[] = [
  { kind: 'naming', label: 'namesAndLabels' },
  { kind: 'term', label: 'distinctiveWords' },
  { kind: 'quoted', label: 'layerQuoted' },
  { kind: 'only', label: 'layerOnly' },
  { kind: 'hedge', label: 'layerHedges' },
];

/** The articles side by side with the evidence marked in their text, and the report beside them. */
export function ComparePage({ search, storage }: { search: string; storage: Browser['storage'] }) {
  const [report, setReport] = useState<FramingReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [layers, setLayers] = useState<Set<string>>(() => new Set(LAYERS.map((l) => l.kind)));
  useEffect(() => {
    loadReport(search).then(setReport, (e: unknown) => setError((e as Error).message));
  }, [search]);
  const evidence = useMemo(() => (report ? evidenceByArticle(report) : null), [report]);

  const toggle = (kind: string) => {
    const next = new Set(layers);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setLayers(next);
  };

  if (error)
    return (
      <main class="compare">
        <h1 class="visually-hidden">{t('compareHeading')}</h1>
        <p role="alert" class="state-error" data-testid="error">
          {error}
        </p>
      </main>
    );
  if (!report || !evidence) {
    return (
      <main class="compare" aria-busy="true">
        <h1 class="visually-hidden">{t('compareHeading')}</h1>
        <p role="status" class="loading" data-testid="compare-loading">
          <span class="spinner" aria-hidden="true" />
          {t('comparingArticles')}
        </p>
      </main>
    );
  }

  return (
    <main class="compare">
      <header class="compare-head">
        <h1>{t('compareHeading')}</h1>
        <p class="muted">
          {report.articles
            .map((a) => t('articleSummary', [a.outlet || t('unknownOutlet'), formatDate(a.published), tn('wordCount', a.words)]))
            .join(' · ')}
        </p>
        <div class="toolbar" role="group" aria-label={t('showInText')}>
          {LAYERS.map((l) => (
            <label key={l.kind} class={`layer layer-${l.kind}`}>
              <input type="checkbox" checked={layers.has(l.kind)} onChange={() => toggle(l.kind)} data-testid={`layer-${l.kind}`} />
              {t(l.label)}
            </label>
          ))}
          <ThemeSelect storage={storage} />
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
