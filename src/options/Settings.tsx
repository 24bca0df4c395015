import { t } from '../shared/i18n';
import { Shortcut } from '../ui/Shortcut';
import type { CommandsApi } from '../ui/shortcut';
import { ThemeSelect } from '../ui/ThemeSelect';
import type { ThemeStorage } from '../ui/theme';

/** The slice of the browser the settings need (the browser seam passes the real one). */
export interface SettingsBrowser {
  storage: ThemeStorage;
  commands: CommandsApi;
  tabs: { create(props: { url: string }): Promise<unknown> };
}

/** Settings shared with the other pages: the theme, and the keyboard shortcut as the browser has it. */
export function Settings({ browser }: { browser: SettingsBrowser }) {
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <div class="settings-row">
        <ThemeSelect storage={browser.storage} />
        <div>
          <Shortcut commands={browser.commands} openTab={(url) => browser.tabs.create({ url })} />
          <p class="muted">{t('shortcutExplain')}</p>
        </div>
      </div>
    </section>
  );
}
