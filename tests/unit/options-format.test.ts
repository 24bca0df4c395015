import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/options/bytes';
import { exportFileName } from '../../src/options/exportArchive';
import { describeImport } from '../../src/options/importFile';

describe('options page text', () => {
  it('formats storage sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1_500)).toBe('1.5 kB');
    expect(formatBytes(281_400_000)).toBe('281 MB');
    expect(formatBytes(10_700_000_000)).toBe('10.7 GB');
  });

  it('names the export by date', () => {
    expect(exportFileName(new Date('2026-11-22T08:00:00Z'))).toBe('framelens-archive-2026-11-22.ndjson');
  });

  it('describes each import outcome', () => {
    expect(describeImport({ ok: true, records: 1200, summary: { added: 1000, updated: 200 } }, 'a.ndjson')).toBe(
      'Imported 1,200 records from a.ndjson: 1,000 new, 200 updated.',
    );
    expect(describeImport({ ok: false, line: 7, reason: 'invalid JSON (Unexpected end)' }, 'a.ndjson')).toBe(
      'a.ndjson was refused at line 7: invalid JSON (Unexpected end). Nothing was imported; the archive is unchanged.',
    );
    expect(describeImport({ ok: false, reason: 'The file holds no records.' }, 'e.ndjson')).toBe(
      'e.ndjson was refused: The file holds no records. Nothing was imported; the archive is unchanged.',
    );
  });
});
