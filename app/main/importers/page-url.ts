/** `<!-- saved from url=(0042)https://… -->`: the mark of the web browsers write into saved pages. */
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

/** `value` as an absolute http(s) URL (resolved against `base` when relative), or null. */
export function httpUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The original address a saved page records, best first: `<link rel="canonical">`, the Open
 * Graph `og:url`, then where it was saved from (`savedFrom`, e.g. an MHTML
 * `Snapshot-Content-Location`, or the `<!-- saved from url=… -->` comment in the first 4 KiB of
 * `html`). A relative canonical URL is resolved against where the page was saved from.
 * Only absolute http(s) URLs are returned; null when the page records none.
 */
export function pageUrl(document: Document, html: string, savedFrom: string | null = null): string | null {
  const saved = httpUrl(savedFrom) ?? httpUrl(SAVED_FROM.exec(html.slice(0, 4096))?.[1]);
  const canonical = [...document.querySelectorAll('link[rel][href]')].find((l) => l.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('canonical'));
  const og = [...document.querySelectorAll('meta[property][content]')].find((m) => m.getAttribute('property')!.toLowerCase() === 'og:url');
  return httpUrl(canonical?.getAttribute('href'), saved) ?? httpUrl(og?.getAttribute('content'), saved) ?? saved;
}
