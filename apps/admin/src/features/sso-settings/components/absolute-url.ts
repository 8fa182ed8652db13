/** The API may answer with a path (`/api/auth/oidc/acme`): show what a person pastes. */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).href;
  } catch {
    return url;
  }
}
