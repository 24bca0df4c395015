import type { ComponentChildren } from 'preact';
import type { FramingReport } from '../core/framing/types';
import type { RelatedItem } from '../shared/messages';
import { outletLabel, plural } from '../ui/format';
import { summarizePair, toneWord, type PairSummary } from '../ui/reportSummary';

/** The strongest framing differences between this page and the chosen article, a few lines per section. */
export function Differences(props: { report: FramingReport; selfId: string; selfOutlet: string; other: RelatedItem }) {
  const s = summarizePair(props.report, props.selfId, props.other.id);
  const a = outletLabel(props.selfOutlet, 'This page');
  const b = outletLabel(props.other.outlet, 'Other');
  return (
    <div class="diff">
      {s.naming.length > 0 && (
        <Section title="Names and labels">
          <ul class="naming">
            {s.naming.map((n) => (
              <li key={n.concept}>
                <span class="side-a">{n.self.join(', ')}</span>
                <span class="muted"> vs </span>
                <span class="side-b">{n.other.join(', ')}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Distinctive words">
        <Columns
          a={a}
          b={b}
          left={<Chips testid="terms-self" items={s.terms.self.map((t) => `${t.term} ×${t.count}`)} empty="none stand out" />}
          right={<Chips testid="terms-other" items={s.terms.other.map((t) => `${t.term} ×${t.count}`)} empty="none stand out" />}
        />
      </Section>
      <Section title="Who is quoted">
        <Columns a={a} b={b} left={<Voices voices={s.voices.self} />} right={<Voices voices={s.voices.other} />} />
      </Section>
      {(s.only.self.length > 0 || s.only.other.length > 0) && (
        <Section title="Reported by one side only">
          <Columns a={a} b={b} left={<Sentences items={s.only.self} />} right={<Sentences items={s.only.other} />} />
        </Section>
      )}
      <Section title="Tone and frames (indicative)">
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
      {props.items.length === 0 ? <span class="muted">{props.empty}</span> : props.items.map((t) => <span class="chip" key={t}>{t}</span>)}
    </div>
  );
}

function Voices({ voices }: { voices: PairSummary['voices']['self'] }) {
  if (voices.length === 0) return <span class="muted">no quotes</span>;
  return (
    <ul class="voices">
      {voices.map((v) => (
        <li key={v.speaker}>
          <strong>{v.speaker}</strong>
          {v.only && <span class="badge">only here</span>}
          <div class="muted">
            {plural(v.quotes, 'quote')}, {plural(v.words, 'word')}
            {v.verbs.length > 0 && ` · ${v.verbs.slice(0, 3).join(', ')}`}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Sentences({ items }: { items: string[] }) {
  if (items.length === 0) return <span class="muted">nothing</span>;
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
      <div>Tone: {tone ? toneWord(tone.score) : 'unknown'}</div>
      {s.frames[side].length > 0 && <div class="muted">Frames: {s.frames[side].map((f) => f.frame).join(', ')}</div>}
      {s.hedges[side] > 0 && <div class="muted">{plural(s.hedges[side], 'hedge')}</div>}
    </div>
  );
}
