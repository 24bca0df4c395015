import { labelledDocuments } from './framing';
import { prepareArticle } from '../src/core/framing/prepare';
import { articleQuotes } from '../src/core/framing/voices';
const [file, id, pat] = process.argv.slice(2);
for (const { article } of labelledDocuments(file)) {
  if (article.id !== id) continue;
  const p = prepareArticle(article);
  p.sentences.forEach((s, i) => { if (s.text.includes(pat!)) console.log('SENT', i, s.paragraph, p.skip[i], JSON.stringify(s.text.slice(0, 120))); });
  for (const q of articleQuotes(p).quotes) if (q.text.includes(pat!) || article.text.slice(q.start - 200, q.end + 200).includes(pat!)) console.log(q.kind, q.speaker, JSON.stringify(q.text.slice(0, 80)));
}
