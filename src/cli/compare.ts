import { basename } from 'node:path';
import { compareFraming } from '../core/framing';
import type { FramingReport } from '../core/framing/types';
import { parseArgs, UsageError } from './args';
import { loadArticles } from './inputs';

/** `compare FILE FILE [FILE…] [--json]`: the framing report of docs/DESIGN.md. */
export async function runCompare(args: string[]): Promise<void> {
  const { positional, options } = parseArgs(args, ['json']);
  const seen = new Set<string>();
  const articles = positional.flatMap((path) =>
    loadArticles(path).map((a) => {
      // Two pages both named source.html: the path the user typed tells them apart.
      const id = seen.has(a.id) && a.id === basename(path) ? path : a.id;
      seen.add(id);
      return { ...a, id };
    }),
  );
  if (articles.length < 2) throw new UsageError('compare needs at least two articles (FILE FILE [FILE...] [--json])');
  const report = compareFraming(articles);
  const out = options.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(report);
  // Wait until the text is flushed: a large report piped to another program would
  // otherwise be cut off when the CLI exits.
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
}

const WIDTH = 100;

function clip(text: string, max = WIDTH - 14): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** The report as plain text: one block per section, each line led by its article's letter. */
export function renderReport(r: FramingReport): string {
  const letter = new Map(r.articles.map((a, i) => [a.id, String.fromCharCode(65 + i)]));
  const tag = (id: string) => `[${letter.get(id) ?? '?'}]`;
  const sentence = (id: string, index: number) => r.sentences?.[id]?.[index]?.text ?? '';
  const out: string[] = [];
  const section = (title: string) => out.push('', title, '─'.repeat(Math.min(WIDTH, title.length)));
  const evidence = (id: string, indexes: number[] | undefined) => {
    const first = indexes?.[0];
    if (first !== undefined) out.push(`        s${first}: ${clip(sentence(id, first))}`);
  };

  out.push(`Framing report for ${r.articles.length} articles (indicative: differences, not verdicts)`);
  for (const a of r.articles)
    out.push(`  ${tag(a.id)} ${a.outlet || a.id}: "${clip(a.title, 70)}" (${a.published ?? 'no date'}, ${a.words} words)`);

  section('Distinctive words and phrases (log-odds z with informative Dirichlet prior; count)');
  for (const a of r.articles) {
    const terms = r.terms.filter((t) => t.article === a.id);
    out.push(`  ${tag(a.id)} ${terms.map((t) => `${t.term} (${t.z.toFixed(2)}; ${t.count})`).join(', ') || '—'}`);
  }

  section('Naming: one referent, different words');
  if (!r.naming.length) out.push('  —');
  for (const n of r.naming) {
    out.push(`  ${n.concept}  [${n.kind ?? 'label'}]${n.source ? `  source: ${clip(n.source, 70)}` : ''}`);
    for (const v of n.variants) {
      out.push(`    ${tag(v.article)} "${v.form}" ×${v.count}`);
      if (n.kind !== 'label') evidence(v.article, v.sentences);
    }
  }

  section('Voices: who is quoted, how much, with which verbs');
  for (const v of r.voices) {
    // The description stays apart from the name ("Donald Trump — who placed second in …").
    const role = v.role ? ` — ${clip(v.role, 50)}` : '';
    out.push(
      `  ${tag(v.article)} ${v.speaker}${role}: ${v.quotes} quote(s) (${v.direct ?? 0} direct, ${v.indirect ?? 0} indirect), ${v.words} quoted words; verbs: ${v.verbs.join(', ') || '—'}${v.loadedVerbs?.length ? ` (loaded: ${v.loadedVerbs.join(', ')})` : ''}${v.only ? '  ◆ only here' : ''}`,
    );
    const direct = (v.items ?? []).filter((i) => i.kind === 'direct').sort((a, b) => b.text.length - a.text.length);
    const q = direct[0] ?? v.items?.[0];
    if (q) out.push(`        s${q.sentence}: ${q.kind === 'direct' ? `“${clip(q.text, WIDTH - 20)}”` : clip(q.text, WIDTH - 20)}`);
  }

  section('Coverage: sentences with no counterpart in the other articles');
  for (const c of r.coverage) {
    const a = r.articles.find((x) => x.id === c.article);
    out.push(`  ${tag(c.article)} only in ${a?.outlet || c.article} (${c.only.length}):`);
    for (const o of c.only) out.push(`      s${o.index}: ${clip(o.text)}`);
  }
  const quantities = r.coverage.flatMap((c) => (c.quantities ?? []).map((q) => ({ ...q, article: c.article })));
  if (quantities.length) {
    out.push('  Quantities given differently:');
    const seen = new Set<string>();
    for (const q of quantities) {
      const key = [`${q.article}:${q.index}:${q.text}`, `${q.other.article}:${q.other.index}:${q.other.text}`].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(`    ${tag(q.article)} s${q.index} "${q.text}"  vs  ${tag(q.other.article)} s${q.other.index} "${q.other.text}"`);
    }
  }

  if (r.hedging) {
    section('Hedging and attribution');
    for (const a of r.articles) {
      const hs = r.hedging.filter((h) => h.article === a.id);
      const byKind = new Map<string, string[]>();
      for (const h of hs) byKind.set(h.kind, [...(byKind.get(h.kind) ?? []), `${h.text} (s${h.sentence})`]);
      out.push(`  ${tag(a.id)} ${hs.length ? '' : '—'}`);
      for (const [kind, items] of byKind) out.push(`      ${kind}: ${clip(items.join('; '), WIDTH - 20)}`);
    }
  }

  section('Tone (lexicon-based, indicative only)');
  for (const t of r.tone) {
    const ents = (t.entities ?? []).map((e) => `${e.entity} ${e.score >= 0 ? '+' : ''}${e.score.toFixed(2)} (${e.mentions})`).join(', ');
    out.push(
      `  ${tag(t.article)} ${t.score >= 0 ? '+' : ''}${t.score.toFixed(3)} (${t.positive} positive, ${t.negative} negative words)${ents ? `; toward: ${ents}` : ''}`,
    );
    if (t.words?.length) out.push(`        words: ${clip(t.words.join(', '))}`);
  }

  section('Frames (Media Frames Corpus dimensions, cue words per 1,000 words)');
  for (const a of r.articles) {
    const fs = r.frames.filter((f) => f.article === a.id && f.score > 0).slice(0, 5);
    out.push(`  ${tag(a.id)} ${fs.map((f) => `${f.frame} ${f.score.toFixed(1)} [${f.cues.slice(0, 4).join(', ')}]`).join('; ') || '—'}`);
  }

  if (r.headline) {
    section('Headline versus body');
    for (const h of r.headline) {
      out.push(`  ${tag(h.article)} headline stresses: ${h.stressed.join(', ') || '—'}`);
      out.push(`      body stresses, headline leaves out: ${h.omitted.join(', ') || '—'}`);
    }
  }
  return out.join('\n') + '\n';
}
