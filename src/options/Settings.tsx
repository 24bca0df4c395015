import { getBrowser } from '../shared/browser';
import { Shortcut } from '../ui/Shortcut';
import { ThemeSelect } from '../ui/ThemeSelect';

/** Settings shared with the other pages: the popup's keyboard shortcut and the theme. */
export function Settings() {
  const browser = getBrowser();
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <Shortcut commands={browser.commands} openTab={(url) => browser.tabs.create({ url })} />
      <ThemeSelect storage={browser.storage} />
    </section>
  );
}
