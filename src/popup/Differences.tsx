import type { ComponentChildren } from 'preact';
import type { FramingReport } from '../core/framing/types';
import type { RelatedItem } from '../shared/messages';
import { outletLabel } from '../ui/format';
import { formatList, t, tn } from '../shared/i18n';
import { frameName, summarizePair, toneWord, type PairSummary } from '../ui/reportSummary';

/** The strongest framing differences between this page and the chosen article, a few lines per section. */
export function Differences(props: { report: FramingReport; selfId: string; selfOutlet: string; other: RelatedItem }) {
  const s = summarizePair(props.report, props.selfId, props.other.id);
  const a = outletLabel(props.selfOutlet, t('thisPage'));
  const b = outletLabel(props.other.outlet, t('otherArticle'));
  return (
    <div class="diff">
      {s.naming.length > 0 && (
        <Section title={t('namesAndLabels')}>
          <ul class="naming">
            {s.naming.map((n) => (
              <li key={n.concept}>
                <span class="side-a">{formatList(n.self)}</span>
                <span class="muted"> {t('versus')} </span>
                <span class="side-b">{formatList(n.other)}</span>
              </li>
            ))}
          </ul>
          {s.namingMore > 0 && <p class="muted">{tn('moreNamingInComparison', s.namingMore)}</p>}
        </Section>
      )}
      <Section title={t('distinctiveWords')}>
        <Columns
          a={a}
          b={b}
          left={
            <Chips
              testid="terms-self"
              items={s.terms.self.map((term) => t('termWithCount', [term.term, term.count]))}
              empty={t('noneStandOut')}
            />
          }
          right={
            <Chips
              testid="terms-other"
              items={s.terms.other.map((term) => t('termWithCount', [term.term, term.count]))}
              empty={t('noneStandOut')}
            />
          }
        />
      </Section>
      <Section title={t('whoIsQuoted')}>
        <Columns a={a} b={b} left={<Voices voices={s.voices.self} />} right={<Voices voices={s.voices.other} />} />
      </Section>
      {(s.only.self.length > 0 || s.only.other.length > 0) && (
        <Section title={t('reportedByOneSide')}>
          <Columns a={a} b={b} left={<Sentences items={s.only.self} />} right={<Sentences items={s.only.other} />} />
        </Section>
      )}
      <Section title={t('toneAndFrames')}>
        <Columns a={a} b={b} left={<ToneFrames s={s} side="self" />} right={<ToneFrames s={s} side="other" />} />
      </Section>
    </div>
  );
}

function Section(props: { title: string; children: ComponentChildren }) {
  return (
    <section class="diff-section">
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}

function Columns(props: { a: string; b: string; left: ComponentChildren; right: ComponentChildren }) {
  return (
    <div class="columns">
      <div>
        <div class="col-head side-a">{props.a}</div>
        {props.left}
      </div>
      <div>
        <div class="col-head side-b">{props.b}</div>
        {props.right}
      </div>
    </div>
  );
}

function Chips(props: { items: string[]; empty: string; testid: string }) {
  return (
    <div data-testid={props.testid}>
      {props.items.length === 0 ? (
        <span class="muted">{props.empty}</span>
      ) : (
        props.items.map((t) => (
          <span class="chip" key={t}>
            {t}
          </span>
        ))
      )}
    </div>
  );
}

function Voices({ voices }: { voices: PairSummary['voices']['self'] }) {
  if (voices.length === 0) return <span class="muted">{t('noQuotes')}</span>;
  return (
    <ul class="voices">
      {voices.map((v) => (
        <li key={v.speaker}>
          <strong>{v.speaker}</strong>
          {v.only && <span class="badge">{t('onlyHere')}</span>}
          <div class="muted">
            {formatList([tn('quoteCount', v.quotes), tn('wordCount', v.words)])}
            {v.verbs.length > 0 && ` · ${formatList(v.verbs.slice(0, 3))}`}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Sentences({ items }: { items: string[] }) {
  if (items.length === 0) return <span class="muted">{t('nothing')}</span>;
  return (
    <ul class="sentences">
      {items.map((t, i) => (
        <li key={i}>{t}</li>
      ))}
    </ul>
  );
}

function ToneFrames({ s, side }: { s: PairSummary; side: 'self' | 'other' }) {
  const tone = s.tone[side];
  return (
    <div>
      <div>{t('toneLine', [tone ? toneWord(tone.score) : t('toneUnknown')])}</div>
      {s.frames[side].length > 0 && <div class="muted">{t('framesLine', [formatList(s.frames[side].map((f) => frameName(f.frame)))])}</div>}
      {s.hedges[side] > 0 && <div class="muted">{tn('hedgeCount', s.hedges[side])}</div>}
    </div>
  );
}
