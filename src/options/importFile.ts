import { isGzip, parseRecordLine } from '../core/records';
import type { ArticleRecord } from '../core/types';
import type { ImportSummary, MessageType, Request, Response } from '../shared/messages';
import { t, tn } from '../shared/i18n';
import { errorText } from '../core/errors';

/**
 * Imports an NDJSON or NDJSON.gz file without freezing the page: the file is streamed
 * (gzip through DecompressionStream), split into lines and validated record by record
 * with src/core/records.ts, and valid records go to the background in batches that stay
 * far below the 64 MB message limit. The batches are staged, not archived: only when the
 * last line has passed does the commit move them all into the archive in one transaction.
 * A malformed line, a cancel or any failure drops the staged import, so the archive gets
 * the whole file or nothing, and a refusal names the line and the reason.
 */

export type Send = <T extends MessageType>(type: T, payload: Request<T>) => Promise<Response<T>>;

export interface ImportProgress {
  phase: 'reading' | 'saving';
  /** Bytes of the file read so far (compressed bytes for .gz) and its size. */
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export type ImportOutcome =
  { ok: true; records: number; summary: ImportSummary } | { ok: false; reason: string; line?: number; cancelled?: boolean };

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Characters of NDJSON per batch message (default 4 M, about 8 MB in transit). */
  batchChars?: number;
  batchRecords?: number;
}

const YIELD_EVERY_MS = 30;

export async function importFile(file: Blob & { name?: string }, send: Send, options: ImportOptions = {}): Promise<ImportOutcome> {
  const batchChars = options.batchChars ?? 4_000_000;
  const batchRecords = options.batchRecords ?? 2000;
  const totalBytes = file.size;
  let bytesRead = 0;
  let records = 0;
  // An object, not a `let`: the closures below set it and TypeScript would not see that.
  const staged: { importId: string | null } = { importId: null };
  let batch: ArticleRecord[] = [];
  let batchSize = 0;
  const progress = (phase: ImportProgress['phase']) => options.onProgress?.({ phase, bytesRead, totalBytes, records });

  const flush = async () => {
    if (!batch.length) return;
    staged.importId ??= (await send('archive/importStart', { source: file.name ?? 'file' })).importId;
    await send('archive/importBatch', { importId: staged.importId, records: batch });
    batch = [];
    batchSize = 0;
  };
  const fail = async (outcome: Extract<ImportOutcome, { ok: false }>): Promise<ImportOutcome> => {
    if (staged.importId) await send('archive/importAbort', { importId: staged.importId }).catch(() => undefined);
    return outcome;
  };

  try {
    const gzip = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
    const counted = file.stream().pipeThrough(
      new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
        transform(chunk, controller) {
          bytesRead += chunk.byteLength;
          // A Blob's stream never hands out shared memory; the cast only narrows the buffer type.
          controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
        },
      }),
    );
    const bytes: ReadableStream<Uint8Array<ArrayBuffer>> = gzip ? counted.pipeThrough(new DecompressionStream('gzip')) : counted;
    const reader = bytes.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
    const seen = new Set<string>();
    let rest = '';
    let lineNo = 0;
    let lastYield = Date.now();
    for (;;) {
      if (options.signal?.aborted) return await fail({ ok: false, cancelled: true, reason: t('importCancelled') });
      const { value, done } = await reader.read().catch((e: unknown) => {
        throw new Error(t(gzip ? 'importUnreadableGzip' : 'importUnreadable', [errorText(e)]), { cause: e });
      });
      const text = done ? rest : rest + value;
      const lines = text.split('\n');
      rest = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        lineNo++;
        const parsed = parseRecordLine(line.replace(/\r$/, ''), lineNo, seen);
        if (parsed === null) continue;
        if (!parsed.ok) {
          await reader.cancel().catch(() => undefined);
          return await fail({ ok: false, line: lineNo, reason: parsed.reason });
        }
        batch.push(parsed.record);
        batchSize += line.length;
        records++;
        if (batch.length >= batchRecords || batchSize >= batchChars) {
          progress('reading');
          await flush();
        }
      }
      if (Date.now() - lastYield > YIELD_EVERY_MS) {
        progress('reading');
        // Let the page paint and answer clicks (the cancel button) between chunks.
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = Date.now();
      }
      if (done) break;
    }
    if (records === 0) return await fail({ ok: false, reason: t('importNoRecords') });
    await flush();
    if (options.signal?.aborted) return await fail({ ok: false, cancelled: true, reason: t('importCancelled') });
    if (!staged.importId) throw new Error('the import was not staged');
    progress('saving');
    const summary = await send('archive/importCommit', { importId: staged.importId });
    return { ok: true, records, summary };
  } catch (e) {
    return fail({ ok: false, reason: errorText(e) });
  }
}

/** The sentence shown for an outcome. */
export function describeImport(outcome: ImportOutcome, fileName: string): string {
  if (outcome.ok) {
    const { added, updated } = outcome.summary;
    return tn('importDone', outcome.records, [fileName, added, updated]);
  }
  if (outcome.cancelled) return outcome.reason;
  const reason = outcome.reason.replace(/\.$/, '');
  return outcome.line === undefined ? t('importRefused', [fileName, reason]) : t('importRefusedAtLine', [fileName, outcome.line, reason]);
}
