import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { openShortcutSettings, popupShortcut, type CommandsApi } from './shortcut';

/** The popup's keyboard shortcut as the browser has it now, and a way to change it. */
export function Shortcut(props: { commands: CommandsApi; openTab: (url: string) => Promise<unknown> }) {
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void popupShortcut(props.commands).then(setShortcut);
  }, [props.commands]);
  return (
    <p class="shortcut" data-testid="shortcut">
      {shortcut === undefined ? (
        t('shortcutLoading')
      ) : shortcut ? (
        <>
          {t('shortcutIs')} <kbd data-testid="shortcut-keys">{shortcut}</kbd>
        </>
      ) : (
        t('shortcutNone')
      )}{' '}
      <button
        type="button"
        class="link"
        data-testid="change-shortcut"
        onClick={() => void openShortcutSettings(props.commands, props.openTab)}
      >
        {t('shortcutChange')}
      </button>
    </p>
  );
}
