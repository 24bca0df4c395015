/**
 * Where focus goes in a listbox of `count` options for a key press (WAI-ARIA APG listbox
 * keyboard interaction), or null when the key does not move it. No wrap-around: the ends stay put.
 */
export function nextOptionIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
