import Adw from 'gi://Adw';
import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { NoticeListDialog } from './NoticeListDialog.ts';

/** "Removed “name”" or "Removed N torrents", for the Undo toast. */
export function removedTitle(torrents: { name: string }[]): string {
  const n = torrents.length;
  return n === 1
    ? format(_('Removed “%1$s”'), torrents[0].name)
    : format(ngettext('Removed %1$d torrent', 'Removed %1$d torrents', n), n);
}

/** Messages that arrive this close together are one burst. */
const BURST_MS = 400;
/** A burst longer than this is summed up in one toast with a way to read every line. */
const MOST_TOASTS = 2;
/** How long Undo is offered, in seconds. */
export const UNDO_SECONDS = 6;

/**
 * The window's toasts. Problems that come in a burst (a folder of unreadable files at start)
 * become one summary toast whose button lists them all, instead of one toast each, 5 s apart.
 */
export class WindowToasts {
  readonly #overlay: Adw.ToastOverlay;
  readonly #window: Gtk.Window;
  readonly #burst: string[] = [];
  /** Toasts with handlers, which must be let go of before the window is (not at GC). */
  readonly #live = new Map<Adw.Toast, number[]>();
  #timer = 0;
  /** Shows one message; the window routes it through its showToast. */
  onSay: (message: string) => void = (m) => this.say(m);
  /** The last summary toast (specs click it). */
  lastSummary: Adw.Toast | null = null;
  /** The last toast with Undo (specs click it). */
  undoToast: Adw.Toast | null = null;
  /** The list dialog on screen, if any (specs read it). */
  listDialog: NoticeListDialog | null = null;

  constructor(overlay: Adw.ToastOverlay, window: Gtk.Window) {
    this.#overlay = overlay;
    this.#window = window;
  }

  say(title: string): Adw.Toast {
    const toast = new Adw.Toast({ title: GLib.markup_escape_text(title, -1), timeout: 5 });
    this.#overlay.add_toast(toast);
    return toast;
  }

  /** A problem from the controller; bursts are summed up (see the class comment). */
  problem(message: string): void {
    this.#burst.push(message);
    if (this.#timer) GLib.source_remove(this.#timer);
    this.#timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, BURST_MS, () => {
      this.#timer = 0;
      this.flush();
      return GLib.SOURCE_REMOVE;
    });
  }

  /** Shows the burst now (also when the window goes). */
  flush(): void {
    if (this.#timer) GLib.source_remove(this.#timer);
    this.#timer = 0;
    const messages = this.#burst.splice(0);
    if (messages.length <= MOST_TOASTS) {
      for (const m of messages) this.onSay(m);
      return;
    }
    const toast = new Adw.Toast({
      title: GLib.markup_escape_text(
        format(
          ngettext('%1$d problem, e.g. %2$s', '%1$d problems, e.g. %2$s', messages.length),
          messages.length,
          messages[0],
        ),
        -1,
      ),
      button_label: _('_Show All'),
      timeout: 10,
    });
    this.#track(toast, [toast.connect('button-clicked', () => this.showList(messages))]);
    this.lastSummary = toast;
    this.#overlay.add_toast(toast);
  }

  showList(messages: string[]): NoticeListDialog {
    this.listDialog = new NoticeListDialog(this.#window, messages);
    this.listDialog.present();
    return this.listDialog;
  }

  /**
   * A toast with Undo. `expire` runs when it goes without Undo (timeout, closed, or `finish`),
   * `undo` when Undo is clicked; exactly one of them runs.
   */
  withUndo(title: string, undo: () => void, expire: () => void): { toast: Adw.Toast; finish: () => void } {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const toast = new Adw.Toast({
      title: GLib.markup_escape_text(title, -1),
      button_label: _('_Undo'),
      timeout: UNDO_SECONDS,
    });
    this.#track(toast, [
      toast.connect('button-clicked', () => settle(undo)),
      toast.connect('dismissed', () => settle(expire)),
    ]);
    this.#overlay.add_toast(toast);
    this.undoToast = toast;
    return { toast, finish: () => settle(expire) };
  }

  /** Call when the window goes, after any Undo has been settled. */
  dispose(): void {
    if (this.#timer) GLib.source_remove(this.#timer);
    this.#timer = 0;
    this.#burst.length = 0;
    for (const [toast, ids] of this.#live) for (const id of ids) toast.disconnect(id);
    this.#live.clear();
  }

  #track(toast: Adw.Toast, ids: number[]): void {
    const gone = toast.connect('dismissed', () => {
      for (const id of this.#live.get(toast) ?? []) toast.disconnect(id);
      this.#live.delete(toast);
    });
    this.#live.set(toast, [...ids, gone]);
  }
}
