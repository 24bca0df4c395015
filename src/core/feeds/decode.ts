/**
 * Bytes fetched for a feed or an article, as text: the charset named by the Content-Type
 * header wins, then the XML declaration (`<?xml … encoding="ISO-8859-1"?>`) or the HTML
 * `<meta charset>`, then UTF-8. And which media types each kind accepts.
 */
export type BodyKind = 'feed' | 'page';

/** Media types that are never a feed or a page (a feed URL that answers an image, a PDF…). */
const BINARY = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|octet-stream|vnd\.|msword|x-tar|x-7z)/;
const PAGE = /^(text\/html|application\/xhtml\+xml)$/;

/** Why a response's media type is refused for `kind`, or null when it is acceptable. */
export function refusedMediaType(contentType: string | null, kind: BodyKind): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type) return null;
  if (kind === 'page') return PAGE.test(type) ? null : `the page is ${type}, not HTML`;
  // Feeds come as application/rss+xml, atom+xml, xml, text/xml, json, feed+json, and often text/plain or text/html.
  return BINARY.test(type) ? `the address answered ${type}, not a feed` : null;
}

function charsetFromHeader(contentType: string | null): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

function charsetFromBytes(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // The declaration is ASCII in every encoding a feed uses: read the start as Latin-1.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return (
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    null
  );
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  for (const label of [charsetFromHeader(contentType), charsetFromBytes(bytes), 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An encoding name the platform does not know: try the next source.
    }
  }
  return new TextDecoder().decode(bytes);
}
