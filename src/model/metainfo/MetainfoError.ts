import { _, format } from '../../lib/i18n.ts';

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
      format(
        _('This is not a usable torrent file: at “%1$s” it should have %2$s, but it has %3$s.'),
        field,
        expected,
        found,
      ),
    );
    this.name = 'MetainfoError';
    this.field = field;
    this.expected = expected;
    this.found = found;
  }
}
