import { useEffect, useRef, useState } from 'preact/hooks';
import type { FramingReport } from '../core/framing/types';
import type { AnalyzeResponse, RelatedItem } from '../shared/messages';
import { t, tn } from '../shared/i18n';
import { ArticleHeader } from './ArticleHeader';
import { compareUrl, compareWith, openOptions, openPage, relatedTo, saveArticle } from './connector';
import { Differences } from './Differences';
import { RelatedList } from './RelatedList';
import { StateMessage } from './StateMessage';
import { useOutletGroupLabels } from './outletGroupLabels';
import { Discover } from './Discover';
import { useDiscovery } from './useDiscovery';
import { incompleteLabel } from '../ui/incomplete';

/** Fewer same-story results than this in the archive: "Find coverage online" is the main next step. */
const FEW_SAME_STORY = 3;

type Ok = Extract<AnalyzeResponse, { status: 'ok' }>;

/** How often the popup asks again while new articles are being indexed. */
const REASK_MS = 1500;

/** Loading, then one of: forbidden page, no article, error, or the article with its coverage. */
export function App({ tabId, analysis }: { tabId: number | undefined; analysis: Promise<AnalyzeResponse> }) {
  const [result, setResult] = useState<AnalyzeResponse | null>(null);
  useEffect(() => {
    void analysis.then(setResult);
  }, [analysis]);
  // While a large import is being indexed the list covers part of the archive: ask again
  // (without reading the page again) until it covers all of it.
  useEffect(() => {
    if (result?.status !== 'ok' || !result.indexing) return;
    const timer = setTimeout(() => {
      relatedTo(result.article).then(
        (coverage) => setResult({ status: 'ok', ...coverage }),
        () => {
          const { indexing: _stopped, ...rest } = result;
          setResult(rest);
        },
      );
    }, REASK_MS);
    return () => clearTimeout(timer);
  }, [result]);

  return (
    <main class="popup" aria-busy={result === null}>
      <header class="brand">
        <img src="/icons/icon-32.png" width={20} height={20} alt="" />
        <span>{t('extName')}</span>
        <button class="link" type="button" onClick={openOptions} data-testid="open-options">
          {t('openArchiveSettings')}
        </button>
      </header>
      {result === null ? (
        <StateMessage kind="loading" title={t('stateReading')} />
      ) : result.status === 'ok' ? (
        // Indexing done: the list starts again from its best result.
        <Analysis key={result.indexing ? 'indexing' : 'indexed'} result={result} tabId={tabId} />
      ) : (
        <StateMessage
          kind={result.status === 'error' ? 'error' : 'info'}
          title={t(
            result.status === 'forbidden'
              ? 'stateForbiddenTitle'
              : result.status === 'no-article'
                ? 'stateNoArticleTitle'
                : 'stateErrorTitle',
          )}
          detail={result.message}
        />
      )}
    </main>
  );
}

function Analysis({ result, tabId }: { result: Ok; tabId: number | undefined }) {
  const { article } = result;
  const labels = useOutletGroupLabels();
  // Coverage found online joins the list as it is archived.
  const [related, setRelated] = useState(result.related);
  const discovery = useDiscovery(article, setRelated);
  const foundIds = new Set(discovery.state.found.map((f) => f.id));
  // A newer answer while a large import is indexed replaces the archived part of the list; what was found online stays.
  useEffect(() => {
    const ids = new Set(result.related.map((r) => r.id));
    setRelated((prev) => [...result.related, ...prev.filter((r) => !ids.has(r.id) && foundIds.has(r.id))]);
  }, [result.related]);
  // A page captured automatically is archived but not kept for good: Save keeps it (retention never drops it then).
  const [capturedAt, setCapturedAt] = useState(result.capturedAt);
  const [saved, setSaved] = useState(result.saved && capturedAt === undefined);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The calibrated same-story decision: weaker matches stay one click away, never in front.
  const listed = (r: RelatedItem) => r.related ?? r.sameStory ?? true;
  const strong = related.filter(listed);
  const weak = related.filter((r) => !listed(r));
  const [selected, setSelected] = useState<RelatedItem | null>(strong[0] ?? null);
  const [report, setReport] = useState<FramingReport | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  // The report of the chosen comparison, asked for after the list is on screen; a later
  // choice wins over an earlier answer still on its way.
  const asked = useRef<string | null>(null);
  const choose = (item: RelatedItem) => {
    setSelected(item);
    setReport(null);
    setReportError(null);
    asked.current = item.id;
    compareWith(article, item.id).then(
      (r) => asked.current === item.id && setReport(r),
      (e: unknown) => asked.current === item.id && setReportError((e as Error).message),
    );
  };
  // The first same-story result starts the report, whether it was archived or just found.
  useEffect(() => {
    if (asked.current === null && strong[0]) choose(strong[0]);
  }, [related]);
  const sameStory = related.filter((r) => r.sameStory).length;
  const searching = discovery.state.phase === 'running';
  const save = () => {
    setSaveError(null);
    saveArticle(article).then(
      () => {
        setSaved(true);
        setCapturedAt(undefined);
      },
      (e: unknown) => setSaveError((e as Error).message),
    );
  };

  return (
    <>
      <ArticleHeader
        article={article}
        saved={saved}
        onSave={save}
        saveError={saveError}
        capturedAt={capturedAt}
        groups={labels(article.outlet)}
      />
      {result.indexing && (
        <p class="indexing" role="status" data-testid="indexing">
          <span class="spinner" aria-hidden="true" />
          {t('indexingProgress', [result.indexing.indexed, result.indexing.total])}
        </p>
      )}
      <Discover discovery={discovery} prominent={sameStory < FEW_SAME_STORY} />
      {result.archiveSize === 0 && related.length === 0 && !result.indexing ? (
        !searching && (
          <StateMessage
            kind="info"
            title={t('emptyArchiveTitle')}
            detail={t('emptyArchiveDetail')}
            action={{ label: t('openArchive'), run: openOptions }}
          />
        )
      ) : (
        <>
          {strong.length === 0 && !searching && (
            <StateMessage kind="info" title={t('noRelatedTitle')} detail={tn('noRelatedDetail', result.archiveSize)} />
          )}
          {related.length > 0 && (
            <RelatedList items={strong} weak={weak} selected={selected?.id ?? null} onSelect={choose} labels={labels} found={foundIds} />
          )}
          {selected && (
            <section class="differences" aria-live="polite">
              <div class="section-head">
                <h2>{t('howTheyDiffer')}</h2>
                <button type="button" class="link" data-testid="open-compare" onClick={() => openPage(compareUrl(tabId, [selected.id]))}>
                  {t('openFullComparison')}
                </button>
              </div>
              {selected.incomplete && (
                <p class="notice" data-testid="incomplete-note">
                  {t('incompleteNote', [selected.outlet || t('unknownOutlet'), incompleteLabel(selected.incomplete)])}
                </p>
              )}
              {report ? (
                <Differences report={report} selfId={article.id} other={selected} selfOutlet={article.outlet} />
              ) : reportError ? (
                <StateMessage kind="error" title={t('compareFailedTitle')} detail={reportError} />
              ) : (
                <StateMessage kind="loading" title={t('comparing')} />
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
