import { slugify } from './organization-slug';

describe('slugify', () => {
  it.each([
    ['Acme', 'acme'],
    ['Acme Corp.', 'acme-corp'],
    ['  Contoso   Ltd  ', 'contoso-ltd'],
    ['Société Générale', 'societe-generale'],
    ['ACME/Ops_Team #2', 'acme-ops-team-2'],
    ['--already-slugged--', 'already-slugged'],
    ['日本語', 'org'],
    ['!!!', 'org'],
    ['', 'org'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps at most 60 characters', () => {
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(60));
  });

  it('never ends with a hyphen when the cut falls on a word break', () => {
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('only ever yields lowercase letters, digits and inner hyphens', () => {
    for (const name of ['A B', 'x--y', 'Ünïcödé Org', 'tab\there', '123', 'Acme, Inc. (EU)']) {
      expect(slugify(name)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
