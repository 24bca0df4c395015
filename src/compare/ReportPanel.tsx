import type { ComponentChildren } from 'preact';
import type { FramingReport } from '../core/framing/types';
import { formatZ } from '../ui/format';
import { formatList, t, tn } from '../shared/i18n';
import { frameName, hedgeKindName, toneWord } from '../ui/reportSummary';

/** Moves focus to a sentence in an article column, so evidence is one keypress away. */
function jumpTo(article: string, index: number): void {
  const el = document.getElementById(`s-${article}-${index}`);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

/** The report's sections beside the texts; every item links to the sentence it comes from. */
export function ReportPanel({ report }: { report: FramingReport }) {
  const outlet = (id: string) => report.articles.find((a) => a.id === id)?.outlet || id;
  const ids = report.articles.map((a) => a.id);
  return (
    <aside class="report" aria-label={t('framingReport')} data-testid="report-panel">
      <Section title={t('namesAndLabels')} testid="report-naming">
        {report.naming.length === 0 ? (
          <Empty />
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('referent')}</th>
                {ids.map((id) => (
                  <th scope="col" key={id}>
                    {outlet(id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.naming.map((n) => (
                <tr key={n.concept}>
                  <th scope="row">
                    {n.concept}
                    {n.kind === 'label' && <span class="muted"> {t('contestedLabel')}</span>}
                  </th>
                  {ids.map((id) => (
                    <td key={id}>
                      {formatList(n.variants.filter((v) => v.article === id).map((v) => t('termWithCount', [v.form, v.count]))) || '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t('whoIsQuoted')} testid="report-voices">
        {ids.map((id) => {
          const voices = report.voices.filter((v) => v.article === id).sort((a, b) => b.words - a.words);
          return (
            <div key={id} class="per-article">
              <h4>{outlet(id)}</h4>
              {voices.length === 0 ? (
                <Empty text={t('noQuotes')} />
              ) : (
                <ul>
                  {voices.map((v) => (
                    <li key={v.speaker}>
                      <JumpButton article={id} index={v.sentences?.[0]}>
                        <strong>{v.speaker}</strong>
                      </JumpButton>
                      {v.role && <span class="muted">{t('roleSuffix', [v.role])}</span>}
                      {v.only && <span class="badge">{t('onlyHere')}</span>}
                      <div class="muted">
                        {formatList([tn('quoteCount', v.quotes), tn('quotedWordCount', v.words)])}
                        {v.verbs.length > 0 && ` · ${formatList(v.verbs)}`}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </Section>
      <Section title={t('reportedByOneArticle')} testid="report-coverage">
        {report.coverage.map((c) => (
          <div key={c.article} class="per-article">
            <h4>{t('onlyCount', [outlet(c.article), c.only.length])}</h4>
            <ul>
              {c.only.slice(0, 12).map((s) => (
                <li key={s.index}>
                  <JumpButton article={c.article} index={s.index}>
                    {s.text}
                  </JumpButton>
                </li>
              ))}
            </ul>
            {(c.quantities ?? []).map((q) => (
              <p key={q.index} class="quantity">
                {t('sameQuantity', [q.text, outlet(q.other.article), q.other.text])}
              </p>
            ))}
          </div>
        ))}
      </Section>
      <Section title={t('distinctiveWords')} testid="report-terms">
        {ids.map((id) => (
          <div key={id} class="per-article">
            <h4>{outlet(id)}</h4>
            {report.terms
              .filter((term) => term.article === id && term.z > 0)
              .sort((a, b) => b.z - a.z)
              .slice(0, 15)
              .map((term) => (
                <span class="chip" key={term.term} title={t('termNote', [formatZ(term.z), term.count])}>
                  {t('termWithCount', [term.term, term.count])}
                </span>
              ))}
          </div>
        ))}
      </Section>
      {(report.hedging ?? []).length > 0 && (
        <Section title={t('hedgingAndAttribution')} testid="report-hedging">
          {ids.map((id) => {
            const items = (report.hedging ?? []).filter((h) => h.article === id);
            return (
              <div key={id} class="per-article">
                <h4>{outlet(id)}</h4>
                {items.length === 0 ? (
                  <Empty />
                ) : (
                  items.slice(0, 12).map((h, i) => (
                    <JumpButton key={i} article={id} index={h.sentence}>
                      <span class="chip">{t('hedgeItem', [hedgeKindName(h.kind), h.text])}</span>
                    </JumpButton>
                  ))
                )}
              </div>
            );
          })}
        </Section>
      )}
      <Section title={t('toneAndFramesLong')} testid="report-tone">
        {ids.map((id) => {
          const tone = report.tone.find((t) => t.article === id);
          const frames = report.frames
            .filter((f) => f.article === id && f.score > 0)
            .sort((a, b) => b.score - a.score)
            .slice(0, 4);
          return (
            <div key={id} class="per-article">
              <h4>{outlet(id)}</h4>
              {tone && <div>{t('toneDetail', [toneWord(tone.score), tone.positive, tone.negative])}</div>}
              {frames.map((f) => (
                <div key={f.frame}>{t('frameWithCues', [frameName(f.frame), formatList(f.cues.slice(0, 6))])}</div>
              ))}
            </div>
          );
        })}
      </Section>
      {(report.headline ?? []).length > 0 && (
        <Section title={t('headlineVersusBody')} testid="report-headline">
          {(report.headline ?? []).map((h) => (
            <div key={h.article} class="per-article">
              <h4>{outlet(h.article)}</h4>
              {h.stressed.length > 0 && <div>{t('headlineStresses', [formatList(h.stressed)])}</div>}
              {h.omitted.length > 0 && <div class="muted">{t('headlineOmits', [formatList(h.omitted)])}</div>}
            </div>
          ))}
        </Section>
      )}
    </aside>
  );
}

function Section(props: { title: string; testid: string; children: ComponentChildren }) {
  return (
    <section class="report-section" data-testid={props.testid}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}

function Empty({ text }: { text?: string }) {
  return <span class="muted">{text ?? t('nothingFound')}</span>;
}

function JumpButton(props: { article: string; index: number | undefined; children: ComponentChildren }) {
  if (props.index === undefined) return <>{props.children}</>;
  const index = props.index;
  return (
    <button type="button" class="jump" onClick={() => jumpTo(props.article, index)} title={t('showInText')}>
      {props.children}
    </button>
  );
}
