/**
 * What someone types in "Organization" (its sign-in name, or just its name) as the slug the
 * sign-in link uses: "Acme Corp." → "acme-corp", as the server makes slugs from names.
 */
export function organizationSlugFromInput(input: string): string {
  return input
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}
