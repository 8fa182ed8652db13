import { organizationSlugFromInput } from './organization-slug.format';

describe('organizationSlugFromInput', () => {
  it.each([
    ['acme', 'acme'],
    ['  Acme Corp. ', 'acme-corp'],
    ['acme-2', 'acme-2'],
    ['Café Müller', 'cafe-muller'],
    ['!!!', ''],
  ])('%p → %p', (input, slug) => {
    expect(organizationSlugFromInput(input)).toBe(slug);
  });
});
