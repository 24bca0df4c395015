import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../shared/i18n';
import { applyTheme, readTheme, saveTheme, THEMES, watchTheme, type Theme, type ThemeStorage } from './theme';

const LABELS: Record<Theme, MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

/** The shared theme setting: applies at once on this page, and every other page follows through storage. */
export function ThemeSelect({ storage }: { storage: ThemeStorage }) {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    void readTheme(storage).then(setTheme);
    watchTheme(storage, setTheme);
  }, [storage]);
  const choose = (next: Theme) => {
    setTheme(next);
    applyTheme(next);
    void saveTheme(storage, next);
  };
  return (
    <label class="theme">
      {t('theme')}{' '}
      <select value={theme} onChange={(e) => choose(e.currentTarget.value as Theme)} data-testid="theme">
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(LABELS[value])}
          </option>
        ))}
      </select>
    </label>
  );
}
