/**
 * One copy of each log message, however many torrents keep it in their log. Torrents on one
 * tracker log the same words at each announce (“announced to …: 12 seeders, 3 leechers”), and
 * each torrent keeps LOG_LINES_KEPT lines: at 10 000 torrents, a copy per line was ~50 MB after
 * a day. The table is bounded: past SHARED_MESSAGES_MAX distinct messages it starts again.
 */
export const SHARED_MESSAGES_MAX = 4096;

const shared = new Map<string, string>();

/** The kept copy of `message` (equal to it). */
export function sharedMessage(message: string): string {
  const known = shared.get(message);
  if (known !== undefined) return known;
  if (shared.size >= SHARED_MESSAGES_MAX) shared.clear();
  shared.set(message, message);
  return message;
}

/** How many distinct messages the table holds now (for specs). */
export function sharedMessageCount(): number {
  return shared.size;
}
