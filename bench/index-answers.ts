/**
 * Same answers before and after a change to how the indexes are built or stored (not part
 * of `npm run bench`): builds the match index and the archive catalog over the matching
 * bench's 10k archive (ECB+, the political set and abp distractors), then writes or checks
 * every answer: each ECB+ and political query's top 10 (ids, scores, flags and reasons),
 * from the index as built and from its snapshot restored, and the catalog's pages for 200
 * searches (ids and totals, in two orders), from the catalog as built and restored.
 *
 *   npx tsx bench/index-answers.ts --write=answers.ndjson   # on the code before the change
 *   npx tsx bench/index-answers.ts --check=answers.ndjson   # after: exits 1 on any difference
 *
 * `--size=N` picks another archive size (default 10,000). Both indexes take each record's
 * tokens from one tokenizeArticle call; FRAMELENS_SHARED_TOKENS=0 lets each tokenise on its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { MatchIndex } from '../src/core/match';
import { ArchiveCatalog } from '../src/core/search/catalog';
import { searchWords } from '../src/core/search/words';
import { tokenizeArticle } from '../src/core/text';
import { countWords, type ArticleRecord } from '../src/core/types';
import { prng } from '../scripts/prng';
import { loadMatchingData, stages } from './matching-data';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function catalogQueries(records: ArticleRecord[], n: number, seed: number): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  while (out.length < n) {
    const r = records[Math.floor(rand() * records.length)]!;
    const words = searchWords(`${r.title} ${r.text.slice(0, 400)}`);
    if (words.length < 3) continue;
    const a = words[Math.floor(rand() * words.length)]!;
    const b = words[Math.floor(rand() * words.length)]!;
    const kind = out.length % 5;
    // A word, two words, a prefix, a phrase as typed (with its punctuation), an outlet.
    out.push(kind === 0 ? a : kind === 1 ? `${a} ${b}` : kind === 2 ? a.slice(0, 4) : kind === 3 ? r.title.slice(0, 30) : r.outlet || a);
  }
  return out;
}

function main(): void {
  const writePath = arg('write');
  const checkPath = arg('check');
  if (!writePath === !checkPath) {
    console.error('usage: npx tsx bench/index-answers.ts --write=FILE | --check=FILE [--size=N]');
    process.exit(2);
  }
  const data = loadMatchingData();
  if (!data) return;
  const size = Number(arg('size') ?? 10_000);
  const [stage] = stages(data, [size]);
  const records = stage!.added;
  const queries = [...data.ecb, ...data.political];
  console.log(`${records.length} records, ${queries.length} match queries`);

  const lines: string[] = [];
  const index = new MatchIndex();
  // FRAMELENS_SHARED_TOKENS=0: each index tokenises on its own (the default shares the tokens).
  const shared = process.env.FRAMELENS_SHARED_TOKENS !== '0';
  const tokens = shared ? records.map((r) => tokenizeArticle(r)) : [];
  records.forEach((r, i) => index.add(r, tokens[i]));
  const restoredIndex = MatchIndex.fromJSON(structuredClone(index.toJSON()));
  for (const [name, ix] of [
    ['built', index],
    ['restored', restoredIndex],
  ] as const) {
    for (const q of queries) lines.push(JSON.stringify({ match: name, query: q.id, results: ix.search(q, { top: 10 }) }));
  }

  const catalog = new ArchiveCatalog();
  records.forEach((r, i) => catalog.add({ ...r, story: r.story ?? null, words: countWords(r.text), savedAt: i }, tokens[i]));
  const restoredCatalog = ArchiveCatalog.fromJSON(structuredClone(catalog.toJSON()));
  const searches = catalogQueries(records, 200, 20261204);
  for (const [name, c] of [
    ['built', catalog],
    ['restored', restoredCatalog],
  ] as const) {
    for (const [i, query] of searches.entries()) {
      const page = c.list({ query, limit: 100 });
      const other = c.list({ query, limit: 50, offset: 20, sort: i % 2 ? 'title' : 'published', dir: 'asc' });
      lines.push(
        JSON.stringify({
          catalog: name,
          query,
          total: page.total,
          ids: page.items.map((e) => e.id),
          other: other.items.map((e) => e.id),
          words: page.items.map((e) => e.words),
        }),
      );
    }
  }

  if (writePath) {
    writeFileSync(writePath, lines.join('\n') + '\n');
    console.log(`wrote ${lines.length} answers to ${writePath}`);
    return;
  }
  const expected = readFileSync(checkPath!, 'utf8').trimEnd().split('\n');
  let differ = 0;
  for (let i = 0; i < Math.max(expected.length, lines.length); i++) {
    if (expected[i] === lines[i]) continue;
    if (differ++ < 5)
      console.log(`differs at answer ${i + 1}:\n  before ${expected[i]?.slice(0, 400)}\n  now    ${lines[i]?.slice(0, 400)}`);
  }
  const matchLines = lines.filter((l) => l.startsWith('{"match"')).length;
  console.log(
    differ
      ? `${differ} of ${expected.length} answers differ`
      : `all ${lines.length} answers identical (${matchLines} match top-10 lists with scores and reasons, ${lines.length - matchLines} catalog pages)`,
  );
  if (differ) process.exitCode = 1;
}

main();
