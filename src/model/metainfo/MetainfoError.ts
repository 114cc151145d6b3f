import { _ } from '../../lib/i18n.ts';

/**
 * A .torrent that cannot be used. The message says in plain words what is wrong and where; the
 * parts are kept apart so that a caller can show or log them separately.
 */
export class MetainfoError extends Error {
  /** Where the problem is, e.g. "info → piece length" or "byte 1234". */
  readonly field: string;
  /** What a usable torrent has there. */
  readonly expected: string;
  /** What this file has there instead. */
  readonly found: string;

  constructor(field: string, expected: string, found: string) {
    super(
      _('This is not a usable torrent file: at “%s” it should have %s, but it has %s.')
        .replace('%s', field)
        .replace('%s', expected)
        .replace('%s', found),
    );
    this.name = 'MetainfoError';
    this.field = field;
    this.expected = expected;
    this.found = found;
  }
}
