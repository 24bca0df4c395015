/**
 * 32-bit FNV-1a over a string's UTF-16 code units: a fast, seedless hash for stable ids
 * and fixed pseudo-random orders. Stored ids and samples depend on its exact values, so
 * it must never change.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** fnv1a as 8 lower-case hex digits, the form ids carry. */
export function fnv1aHex(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}
