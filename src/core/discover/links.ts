/**
 * Candidate links: one per canonical address, at most two per outlet, never the article
 * itself nor its own outlet (the reader wants the other outlets' coverage), ranked by a
 * cheap similarity of each headline to the article before any page is fetched.
 */
import { canonicalUrl } from '../match';
import { foldKey } from '../match/entities';
import { contentStems } from '../text';
import type { ArticleRecord } from '../types';
import type { QueryTerm } from './terms';
import type { FoundLink } from './types';

export const PER_OUTLET = 2;
/**
 * Days over which a headline's date gap halves its chance, roughly: other outlets report a
 * story within a day or two, and a week-old headline sharing its names is mostly an earlier
 * story about the same people.
 */
const DATE_SIGMA_DAYS = 2;

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^(www|m|amp)\./, '') : null;
  } catch {
    return null;
  }
}

export function outletKey(link: Pick<FoundLink, 'outlet' | 'url'>): string {
  const name = foldKey(link.outlet.trim()).replace(/^www\./, '');
  return name || hostOf(link.url) || link.url;
}

/** What a headline is compared with: stems of the article's title, lead and query terms, weighted. */
export class HeadlineScorer {
  private weights = new Map<string, number>();
  private day: number | null;

  constructor(article: Pick<ArticleRecord, 'title' | 'text' | 'published'>, terms: readonly QueryTerm[]) {
    const add = (stems: string[], w: number): void => {
      for (const s of new Set(stems)) this.weights.set(s, Math.max(this.weights.get(s) ?? 0, w));
    };
    add(contentStems(article.text.split(/\s+/).slice(0, 80).join(' ')), 1);
    add(contentStems(article.title), 2);
    for (const t of terms) add(contentStems(t.text), t.name ? 3 : 2);
    this.day = dayNumber(article.published);
  }

  private titles = 0;
  private titleDf = new Map<string, number>();

  /**
   * Counts the words of every headline the providers listed: a word in most of them (the
   * query's own broad terms) tells the candidates apart less than one only a few share.
   */
  observe(links: readonly Pick<FoundLink, 'title'>[]): void {
    for (const l of links) {
      this.titles++;
      for (const s of new Set(contentStems(l.title))) this.titleDf.set(s, (this.titleDf.get(s) ?? 0) + 1);
    }
  }

  /** 0 for a headline sharing nothing; higher for more of the article's weighted words, nearer in time. */
  score(link: Pick<FoundLink, 'title' | 'published'>): number {
    const stems = [...new Set(contentStems(link.title))];
    if (!stems.length) return 0;
    let sum = 0;
    const n = this.titles;
    for (const s of stems) sum += (this.weights.get(s) ?? 0) * (n ? Math.log((n + 1) / (this.titleDf.get(s) ?? 0.5)) / Math.log(n + 1) : 1);
    const words = sum / Math.sqrt(stems.length + 2);
    const day = dayNumber(link.published);
    const gap = this.day !== null && day !== null ? Math.abs(day - this.day) : 2;
    return words * Math.exp(-(gap * gap) / (2 * DATE_SIGMA_DAYS * DATE_SIGMA_DAYS));
  }
}

function dayNumber(iso: string | null | undefined): number | null {
  const ms = iso ? Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso) : NaN;
  return Number.isNaN(ms) ? null : ms / 86_400_000;
}

/** Keeps the links that are new, not the article, not its outlet, and under the per-outlet cap; remembers them. */
export class LinkPool {
  private seen = new Set<string>();
  private perOutlet = new Map<string, number>();
  private selfUrl: string | null;
  private selfHost: string | null;
  private selfOutlet: string;

  /** The article itself at another address is caught when read (same text), not by its headline: other outlets run wire copy under it. */
  constructor(article: Pick<ArticleRecord, 'url' | 'outlet'>) {
    this.selfUrl = canonicalUrl(article.url);
    this.selfHost = hostOf(article.url);
    this.selfOutlet = foldKey(article.outlet.trim());
  }

  /** The links admitted from `links`, in their order. */
  admit(links: readonly FoundLink[]): FoundLink[] {
    const out: FoundLink[] = [];
    for (const link of links) {
      const key = canonicalUrl(link.url) ?? link.url;
      // One outlet's one headline at two addresses (a print and a web version) is read once.
      const headline = `${outletKey(link)}\n${foldKey(link.title)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()}`;
      if (this.seen.has(key) || key === this.selfUrl || (link.title.length > 20 && this.seen.has(headline))) continue;
      const outlet = outletKey(link);
      if (this.isSelfOutlet(outlet)) continue;
      const count = this.perOutlet.get(outlet) ?? 0;
      if (count >= PER_OUTLET) continue;
      this.seen.add(key);
      if (link.title.length > 20) this.seen.add(headline);
      this.perOutlet.set(outlet, count + 1);
      out.push(link);
    }
    return out;
  }

  /** The outlet key (a domain or a name) is the article's own outlet: its site, its name, or its name as a domain ("Fox News", foxnews.com). */
  private isSelfOutlet(outlet: string): boolean {
    if (this.selfHost && (outlet === this.selfHost || outlet.endsWith(`.${this.selfHost}`))) return true;
    if (!this.selfOutlet) return false;
    const squeezed = this.selfOutlet.replace(/[^\p{L}\p{N}]+/gu, '');
    return outlet === this.selfOutlet || (squeezed.length >= 4 && outlet.split('.')[0] === squeezed);
  }

  get size(): number {
    return this.seen.size;
  }
}
