import { useState } from 'preact/hooks';
import type { Browser } from '../shared/browser';
import { send } from '../ui/client';
import { t, tn } from '../shared/i18n';
import { Shortcut } from '../ui/Shortcut';
import { StarterDirectory } from '../ui/StarterDirectory';
import { ThemeSelect } from '../ui/ThemeSelect';
import { errorText } from '../core/errors';

type SampleState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; added: number } | { kind: 'error'; message: string };

/**
 * The first-run page (opened once, on install): what Framelens does in three lines, that
 * nothing leaves the device, the sample archive one click away, and where the shortcut and
 * the options are.
 */
export function WelcomePage({ browser }: { browser: Browser }) {
  const [sample, setSample] = useState<SampleState>({ kind: 'idle' });
  const loadSample = () => {
    setSample({ kind: 'loading' });
    send('archive/loadSample', {}).then(
      ({ added, updated }) => setSample({ kind: 'done', added: added + updated }),
      (e: unknown) => setSample({ kind: 'error', message: errorText(e) }),
    );
  };
  return (
    <main class="welcome">
      <header class="welcome-head">
        <img src="/icons/icon-48.png" width={40} height={40} alt="" />
        <h1>{t('welcomeHeading')}</h1>
      </header>
      <ol class="pitch" data-testid="welcome-pitch">
        <li>{t('welcomeLineFinds')}</li>
        <li>{t('welcomeLineShows')}</li>
        <li>
          <strong>{t('welcomeLinePrivate')}</strong>
        </li>
      </ol>

      <section aria-labelledby="sample-heading">
        <h2 id="sample-heading">{t('welcomeSampleHeading')}</h2>
        <p>{t('welcomeSampleText')}</p>
        <button
          type="button"
          class="primary"
          data-testid="welcome-load-sample"
          disabled={sample.kind === 'loading' || sample.kind === 'done'}
          onClick={loadSample}
        >
          {t('loadSampleArchive')}
        </button>
        <p role="status" data-testid="welcome-status" class={sample.kind === 'error' ? 'error' : 'muted'}>
          {sample.kind === 'loading' && (
            <>
              <span class="spinner" aria-hidden="true" />
              {t('welcomeSampleLoading')}
            </>
          )}
          {sample.kind === 'done' && tn('welcomeSampleDone', sample.added)}
          {sample.kind === 'error' && sample.message}
        </p>
      </section>

      <section aria-labelledby="follow-heading">
        <h2 id="follow-heading">{t('welcomeFeedsHeading')}</h2>
        <p>{t('welcomeFeedsText')}</p>
        <StarterDirectory />
      </section>

      <section aria-labelledby="use-heading">
        <h2 id="use-heading">{t('welcomeUseHeading')}</h2>
        <p>{t('welcomeUseToolbar')}</p>
        <Shortcut commands={browser.commands} openTab={(url) => browser.tabs.create({ url })} />
        <p>
          {t('welcomeOptionsText')}{' '}
          <button type="button" class="link" data-testid="welcome-open-options" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openArchiveSettings')}
          </button>
        </p>
      </section>
      <footer class="welcome-foot">
        <ThemeSelect storage={browser.storage} />
      </footer>
    </main>
  );
}
