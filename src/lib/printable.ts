/**
 * Text from outside (torrent names, tracker failure reasons, file names) made safe to log and to
 * show on one line: control characters become visible escapes, so a name with `\n` cannot forge
 * a second log line and an ESC cannot drive the terminal reading the log.
 */

/** Longest tracker message kept and shown (a failure reason, a warning, an error's words). */
export const MAX_MESSAGE_CHARS = 300;

// C0 controls, DEL, C1 controls; the Unicode line and paragraph separators (they end a line in
// some viewers); the bidirectional overrides and isolates (they reorder what a reader sees).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as an escape (`\n`, `\r`, `\t`, `\e`, `\x7f`, `\u202e`). */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * `text` escaped (escapeControls) and cut to at most `maxChars` characters with an ellipsis.
 * Only a bounded prefix is examined, so a megabyte of text costs no more than a short one.
 */
export function printable(text: string, maxChars = MAX_MESSAGE_CHARS): string {
  const cut = text.length > maxChars;
  const head = escapeControls(cut ? text.slice(0, maxChars) : text);
  if (!cut && head.length <= maxChars) return head;
  return head.slice(0, maxChars - 1).trimEnd() + '…';
}
