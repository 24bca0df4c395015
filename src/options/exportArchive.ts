import { toNdjson } from '../core/records';
import type { Send } from './importFile';

/**
 * The whole archive as one NDJSON Blob, fetched page by page (each page stays far below
 * the message size limit). The records are exactly as stored, so importing the file again
 * gives an identical archive.
 */
export async function exportArchive(send: Send, onProgress?: (records: number) => void): Promise<{ blob: Blob; records: number }> {
  const parts: string[] = [];
  let records = 0;
  let after: string | null = null;
  do {
    const page: { records: Parameters<typeof toNdjson>[0] & unknown[]; next: string | null } = await send('archive/export', { after });
    parts.push(toNdjson(page.records));
    records += page.records.length;
    onProgress?.(records);
    after = page.next;
  } while (after !== null);
  return { blob: new Blob(parts, { type: 'application/x-ndjson' }), records };
}

/** "framelens-archive-2026-11-22.ndjson" */
export function exportFileName(now = new Date()): string {
  return `framelens-archive-${now.toISOString().slice(0, 10)}.ndjson`;
}
