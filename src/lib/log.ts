import GLib from 'gi://GLib';

import { printable } from './printable.ts';

/**
 * Small structured logger. Writes to stderr through GLib's structured logging so that
 * journald and `G_MESSAGES_DEBUG` work as for any GNOME app.
 */
export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

const DOMAIN = 'dfakeseeder';
const LEVELS: Record<LogLevel, GLib.LogLevelFlags> = {
  debug: GLib.LogLevelFlags.LEVEL_DEBUG,
  info: GLib.LogLevelFlags.LEVEL_INFO,
  warning: GLib.LogLevelFlags.LEVEL_WARNING,
  // CRITICAL would abort under G_DEBUG=fatal-criticals; a reported error is not a programming bug.
  error: GLib.LogLevelFlags.LEVEL_WARNING,
};

type Listener = (level: LogLevel, message: string) => void;
const listeners = new Set<Listener>();
let echoInfo = false;

/** Headless mode prints info lines to stderr even without G_MESSAGES_DEBUG. */
export function setEchoInfo(on: boolean): void {
  echoInfo = on;
}

/** Lets the UI's log view or a test observe log lines. Returns a function that unsubscribes. */
export function addLogListener(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The longest log line written: a line is for reading, and outside text could be megabytes. */
const MAX_LINE_CHARS = 8192;

/**
 * Writes one line. Control characters in `message` (a torrent name's `\n`, a tracker's ESC or
 * CR) are escaped here, for every caller, so no outside text can forge or split a line.
 */
export function log(level: LogLevel, raw: string): void {
  const message = printable(raw, MAX_LINE_CHARS);
  if (echoInfo && (level === 'info' || level === 'debug')) {
    printerr(`${GLib.DateTime.new_now_local().format('%H:%M:%S')} ${level.toUpperCase()} ${message}`);
  } else {
    GLib.log_structured(DOMAIN, LEVELS[level], { MESSAGE: message, SYSLOG_IDENTIFIER: DOMAIN });
  }
  for (const l of listeners) l(level, message);
}

export const logger = {
  debug: (m: string) => log('debug', m),
  info: (m: string) => log('info', m),
  warning: (m: string) => log('warning', m),
  error: (m: string) => log('error', m),
};
