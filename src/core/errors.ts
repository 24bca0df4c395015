/** What to tell the reader about a caught value: an Error's message, else the value as text (code may throw anything). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
