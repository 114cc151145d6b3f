import { format } from '../../src/lib/i18n.ts';

describe('format(): translator-friendly placeholders', () => {
  it('fills positional placeholders in whatever order the translation puts them', () => {
    expect(format('Could not delete %1$s: %2$s', 'a.torrent', 'denied')).toBe('Could not delete a.torrent: denied');
    expect(format('%2$s — %1$s', 'a.torrent', 'denied')).toBe('denied — a.torrent');
  });

  it('fills plain placeholders in order, truncates %d, keeps %% as a percent sign', () => {
    expect(format('%s has %d seeders (%d%%)', 'x', 3.7, 50)).toBe('x has 3 seeders (50%)');
  });

  it('leaves a placeholder with no argument as it is', () => {
    expect(format('%1$s and %3$s', 'a')).toBe('a and %3$s');
  });
});
