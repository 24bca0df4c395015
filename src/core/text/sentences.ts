/** A sentence of a text with its offsets and the paragraph it belongs to. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  paragraph: number;
}

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres
  inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx dept
  est fig mt ft u.s u.k u.n e.u a.m p.m i.e e.g`.split(/\s+/),
);

/**
 * Splits text into sentences. Paragraphs (blank-line separated) never share a sentence.
 * A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) before
 * whitespace and a capital, digit or opening quote, except after a known abbreviation or
 * a single initial ("John F. Kennedy").
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const paraRe = /\n\s*\n/g;
  let pStart = 0;
  const pushParagraph = (pEnd: number) => {
    const para = text.slice(pStart, pEnd);
    if (para.trim()) {
      splitParagraph(para, pStart, paragraph, out);
      paragraph++;
    }
  };
  for (const m of text.matchAll(paraRe)) {
    pushParagraph(m.index);
    pStart = m.index + m[0].length;
  }
  pushParagraph(text.length);
  return out;
}

const END = /[.!?]+["'”’»)\]]*(?=\s+["'“‘«([]?[\p{Lu}\p{N}])|[.!?]+["'”’»)\]]*(?=\s*$)/gu;

function splitParagraph(para: string, offset: number, paragraph: number, out: Sentence[]): void {
  let start = 0;
  for (const m of para.matchAll(END)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(para, m.index)) continue;
    pushSentence(para, start, end, offset, paragraph, out);
    start = end;
  }
  if (start < para.length) pushSentence(para, start, para.length, offset, paragraph, out);
}

function isAbbreviation(para: string, dot: number): boolean {
  const before = para.slice(Math.max(0, dot - 12), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushSentence(para: string, s: number, e: number, offset: number, paragraph: number, out: Sentence[]): void {
  const raw = para.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  out.push({ index: out.length, text, start: offset + s + lead, end: offset + s + lead + text.length, paragraph });
}

/** Paragraphs of an interchange text. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
