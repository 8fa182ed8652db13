/** A URL the server could deliver to: http(s) with a host. The server applies its policy. */
export function webhookUrlError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter the URL that receives the events.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/webhooks/rollcall.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// URL.';
  return null;
}
