import { addLogListener, logger } from '../../src/lib/log.ts';
import { escapeControls, printable } from '../../src/lib/printable.ts';

describe('printable text (log injection)', () => {
  it('escapes C0, ESC, DEL, C1, line separators and bidi overrides; leaves other text alone', () => {
    expect(escapeControls('a\nb\rc\td\u001b[2Je\u0000f\u007fg\u0085h\u2028i\u202ej')).toBe(
      'a\\nb\\rc\\td\\e[2Je\\x00f\\x7fg\\x85h\\u2028i\\u202ej',
    );
    expect(escapeControls('Ubuntu 24.04 — ISO «x» 日本')).toBe('Ubuntu 24.04 — ISO «x» 日本');
  });

  it('caps long text with an ellipsis, examining only its start', () => {
    const capped = printable('y'.repeat(5_000_000));
    expect(capped.length).toBe(300);
    expect(capped.endsWith('…')).toBeTrue();
    expect(printable('short')).toBe('short');
    // escapes count towards the cap
    expect(printable('\n'.repeat(200)).length).toBe(300);
  });

  it('the logger writes a torrent name with a newline and ESC as one escaped line', () => {
    const lines: string[] = [];
    const stop = addLogListener((_level, line) => lines.push(line));
    logger.info('added torrent “evil\n12:00:00 INFO forged line\u001b[31m.iso”');
    stop();
    expect(lines).toEqual(['added torrent “evil\\n12:00:00 INFO forged line\\e[31m.iso”']);
  });
});
