import { useRef, useState } from 'preact/hooks';
import { t, tn } from '../shared/i18n';
import type { ArchiveApi } from './connector';
import { exportArchive, exportFileName } from './exportArchive';
import { describeImport, importFile, type ImportProgress } from './importFile';
import type { Notice } from './useTask';

interface Props {
  api: ArchiveApi;
  busy: boolean;
  run: (work: () => Promise<Notice | string | null>) => Promise<void>;
  notice: string | null;
  error: string | null;
}

/** Load the sample, import a file (with progress and cancel), export; and what came of it. */
export function ArchiveToolbar({ api, busy, run, notice, error }: Props) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const loadSample = () =>
    run(async () => {
      const { added, updated } = await api.loadSample();
      return { kind: 'info', text: t('sampleLoaded', [added, updated]) };
    });

  const importChosen = (file: File) =>
    run(async () => {
      const controller = new AbortController();
      cancel.current = controller;
      try {
        const outcome = await importFile(file, api.send, { onProgress: setProgress, signal: controller.signal });
        return { kind: outcome.ok || outcome.cancelled ? 'info' : 'error', text: describeImport(outcome, file.name) };
      } finally {
        cancel.current = null;
        setProgress(null);
        if (fileInput.current) fileInput.current.value = '';
      }
    });

  const exportAll = () =>
    run(async () => {
      const { blob, records } = await exportArchive(api.send);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName();
      link.click();
      // The download has its own copy once it starts; free the Blob soon after.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { kind: 'info', text: tn('exportedCount', records, [link.download]) };
    });

  return (
    <section class="toolbar" aria-label={t('archiveActions')}>
      <div class="toolbar-row">
        <button type="button" data-testid="load-sample" disabled={busy} onClick={() => void loadSample()}>
          {t('loadSampleArchive')}
        </button>
        <label class={`file-button${busy ? ' disabled' : ''}`}>
          {t('importFileButton')}
          <input
            ref={fileInput}
            type="file"
            data-testid="import-file"
            accept=".ndjson,.gz,.jsonl,application/x-ndjson,application/gzip"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importChosen(file);
            }}
          />
        </label>
        <button type="button" data-testid="export" disabled={busy} onClick={() => void exportAll()}>
          {t('exportArchive')}
        </button>
      </div>
      <div data-testid="import-status" class="status" role="status" aria-live="polite">
        {progress && (
          <div class="progress">
            <progress max={Math.max(1, progress.totalBytes)} value={progress.bytesRead} />
            <span>{t(progress.phase === 'saving' ? 'importSaving' : 'importChecking', [progress.records])}</span>
            <button type="button" onClick={() => cancel.current?.abort()}>
              {t('cancel')}
            </button>
          </div>
        )}
        {!progress && notice && <p class="notice">{notice}</p>}
        {error && (
          <p data-testid="error" class="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
