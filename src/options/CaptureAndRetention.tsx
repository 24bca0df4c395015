import { errorText } from '../core/errors';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../core/retention';
import { CaptureSettings, type CaptureState } from './CaptureSettings';
import { captureRetentionApi, type CaptureRetentionApi } from './connector';
import { RetentionSettings } from './RetentionSettings';
import { DEFAULT_CAPTURE } from '../shared/settings';

/**
 * How the archive fills and empties itself: auto-capture and retention. Follows the
 * stored settings, the capture status and host access as they change (the background, the
 * browser's own extension settings, another options tab).
 */
export function CaptureAndRetention({
  api = captureRetentionApi,
  onArchiveChange,
}: {
  api?: CaptureRetentionApi;
  onArchiveChange?: () => void;
}) {
  const [capture, setCapture] = useState<CaptureState>({ settings: DEFAULT_CAPTURE, access: false, status: {}, captured: null });
  const [retention, setRetention] = useState<RetentionPolicy | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The latest callback, without re-subscribing on every render of the page.
  const archiveChanged = useRef(onArchiveChange);
  archiveChanged.current = onArchiveChange;

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const [settings, access, status, counts, policy] = await Promise.all([
          api.readCapture(),
          api.hasAccess(),
          api.readStatus(),
          api.originCounts(),
          api.readRetention(),
        ]);
        if (!live) return;
        setCapture({ settings, access, status, captured: counts.captured ?? 0 });
        setRetention(policy);
        setLoadError(null);
      } catch (e) {
        if (live) setLoadError(errorText(e));
      }
    };
    void load();
    const stop = api.watch(() => {
      void load();
      archiveChanged.current?.();
    });
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  return (
    <>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      <CaptureSettings api={api} state={capture} />
      <RetentionSettings
        api={api}
        stored={retention ?? DEFAULT_RETENTION}
        key={retention === null ? 'loading' : 'loaded'}
        onApplied={() => archiveChanged.current?.()}
      />
    </>
  );
}
