import { entityTagsMatch, versionTag } from './entity-tags';

describe('entity tags (RFC 7644 §3.14 with RFC 7232 weak comparison)', () => {
  it('renders a row version as a weak tag', () => {
    expect(versionTag(3)).toBe('W/"3"');
  });

  it('matches the same weak tag, and a strong tag with the same opaque part', () => {
    expect(entityTagsMatch('W/"3"', 'W/"3"')).toBe(true);
    expect(entityTagsMatch('"3"', 'W/"3"')).toBe(true);
  });

  it('does not match another version', () => {
    expect(entityTagsMatch('W/"2"', 'W/"3"')).toBe(false);
    expect(entityTagsMatch('W/"33"', 'W/"3"')).toBe(false);
  });

  it('matches any existing resource with *', () => {
    expect(entityTagsMatch('*', 'W/"3"')).toBe(true);
    expect(entityTagsMatch(' * ', 'W/"1"')).toBe(true);
  });

  it('matches when any tag of a list matches, with or without spaces', () => {
    expect(entityTagsMatch('W/"1", W/"3"', 'W/"3"')).toBe(true);
    expect(entityTagsMatch('"1","3"', 'W/"3"')).toBe(true);
    expect(entityTagsMatch('W/"1", W/"2"', 'W/"3"')).toBe(false);
  });

  it('reads an opaque tag that holds a comma as one tag', () => {
    expect(entityTagsMatch('"a,b", W/"3"', 'W/"3"')).toBe(true);
    expect(entityTagsMatch('"3,4"', 'W/"3"')).toBe(false);
  });

  it('lets members that are not entity tags match nothing', () => {
    expect(entityTagsMatch('3', 'W/"3"')).toBe(false);
    expect(entityTagsMatch('', 'W/"3"')).toBe(false);
    expect(entityTagsMatch('garbage, W/"3"', 'W/"3"')).toBe(true);
    expect(entityTagsMatch('w/"3"', 'W/"3"')).toBe(false);
  });
});
