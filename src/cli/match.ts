import { MatchIndex } from '../core/match';
import type { MatchResult } from '../core/types';
import { parseArgs, UsageError } from './args';
import { readRecords } from './inputs';

/**
 * `match --archive FILE --queries FILE [--top N] [--reasons]` (docs/DESIGN.md): indexes the
 * archive, then prints one JSON line per query, in the queries' order:
 * `{"query": id, "results": [{"id", "score", "sameStory", "duplicates"?}, …]}`, best first,
 * at most N (default 10), never the query itself. `--reasons` adds each result's reasons.
 * FILE is .ndjson, .ndjson.gz or .json (one record); the queries may be the archive itself.
 */
export function runMatch(args: string[]): void {
  const { positional, options } = parseArgs(args, ['reasons']);
  if (positional.length) throw new UsageError(`match takes no positional arguments (got "${positional[0]}")`);
  const archivePath = options.archive;
  const queriesPath = options.queries;
  if (typeof archivePath !== 'string' || typeof queriesPath !== 'string')
    throw new UsageError('match needs --archive FILE and --queries FILE');
  const top = options.top === undefined ? 10 : Number(options.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top: "${String(options.top)}" is not a positive whole number`);

  const archive = readRecords(archivePath);
  const queries = queriesPath === archivePath ? archive : readRecords(queriesPath);
  const index = new MatchIndex();
  for (const r of archive) index.add(r);
  index.compact();
  const lines: string[] = [];
  for (const q of queries) {
    const results = index.search(q, { top }).map((r) => present(r, options.reasons === true));
    lines.push(JSON.stringify({ query: q.id, results }));
    if (lines.length >= 256) process.stdout.write(lines.splice(0).join('\n') + '\n');
  }
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}

function present(r: MatchResult, withReasons: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, score: r.score, sameStory: r.sameStory ?? false };
  if (r.duplicates?.length) out.duplicates = r.duplicates;
  if (withReasons) out.reasons = r.reasons;
  return out;
}
