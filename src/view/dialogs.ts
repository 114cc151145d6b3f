import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../lib/i18n.ts';

/**
 * The small question dialogs of the context menu (the original's were GTK 3 `Dialog.run()`
 * calls that GTK 4 removed). Each returns the dialog at once and reports the answer through
 * `onAnswer`, so nothing blocks the main loop.
 */

function messageDialog(parent: Gtk.Window, heading: string, body: string): Adw.MessageDialog {
  const dialog = new Adw.MessageDialog({ transient_for: parent, modal: true, heading, body });
  dialog.add_response('cancel', _('_Cancel'));
  dialog.set_close_response('cancel');
  // GTK 4.8 lets go of the parent only when the dialog is finalized; by then (at GC) the parent
  // may be gone. Let go when the dialog closes.
  dialog.connect('close-request', () => {
    dialog.set_transient_for(null);
    return false;
  });
  return dialog;
}

/**
 * "Remove N torrents?". The app's own copy in its torrents folder goes with the torrent (that
 * folder is the list); the .torrent file the user added from elsewhere is never touched, which
 * the dialog says, so there is nothing to choose.
 */
export function removeDialog(parent: Gtk.Window, names: string[], onRemove: () => void): Adw.MessageDialog {
  const heading =
    names.length === 1 ? _('Remove Torrent?') : _('Remove %d Torrents?').replace('%d', String(names.length));
  const what =
    names.length === 1
      ? _('“%s” will be stopped and removed from the list.').replace('%s', names[0])
      : _('The selected torrents will be stopped and removed from the list.');
  const body = `${what} ${_('Trackers are told it stopped. The .torrent files you added are not deleted.')}`;
  const dialog = messageDialog(parent, heading, body);
  dialog.add_response('remove', _('_Remove'));
  dialog.set_response_appearance('remove', Adw.ResponseAppearance.DESTRUCTIVE);
  dialog.set_default_response('cancel');
  dialog.connect('response', (_d, response: string) => {
    if (response === 'remove') onRemove();
  });
  dialog.present();
  return dialog;
}

/** One line of text (rename, label, tracker URL). Empty answers are allowed where `allowEmpty`. */
export function textDialog(
  parent: Gtk.Window,
  options: {
    heading: string;
    body: string;
    initial: string;
    confirm: string;
    placeholder?: string;
    allowEmpty?: boolean;
  },
  onAnswer: (text: string) => void,
): Adw.MessageDialog {
  const dialog = messageDialog(parent, options.heading, options.body);
  const entry = new Gtk.Entry({
    text: options.initial,
    activates_default: true,
    placeholder_text: options.placeholder ?? '',
    width_chars: 36,
  });
  dialog.set_extra_child(entry);
  dialog.add_response('ok', options.confirm);
  dialog.set_response_appearance('ok', Adw.ResponseAppearance.SUGGESTED);
  dialog.set_default_response('ok');
  const validate = () => dialog.set_response_enabled('ok', !!options.allowEmpty || entry.get_text().trim() !== '');
  entry.connect('changed', validate);
  validate();
  dialog.connect('response', (_d, response: string) => {
    if (response === 'ok') onAnswer(entry.get_text().trim());
  });
  dialog.present();
  entry.grab_focus();
  return dialog;
}

/** Per-torrent upload and download caps in KB/s (0 = none). */
export function limitsDialog(
  parent: Gtk.Window,
  current: { upload: number; download: number },
  onAnswer: (limits: { upload: number; download: number }) => void,
): Adw.MessageDialog {
  const dialog = messageDialog(
    parent,
    _('Speed Limits'),
    _('Caps for the selected torrents in KB/s. 0 means no cap of their own; the global limits still apply.'),
  );
  const spin = (value: number) =>
    new Gtk.SpinButton({
      adjustment: new Gtk.Adjustment({ lower: 0, upper: 1_000_000, step_increment: 10, page_increment: 100, value }),
      numeric: true,
      hexpand: true,
    });
  const upload = spin(current.upload);
  const download = spin(current.download);
  const grid = new Gtk.Grid({ column_spacing: 12, row_spacing: 6, halign: Gtk.Align.CENTER });
  grid.attach(new Gtk.Label({ label: _('Upload limit'), xalign: 0 }), 0, 0, 1, 1);
  grid.attach(upload, 1, 0, 1, 1);
  grid.attach(new Gtk.Label({ label: _('Download limit'), xalign: 0 }), 0, 1, 1, 1);
  grid.attach(download, 1, 1, 1, 1);
  dialog.set_extra_child(grid);
  dialog.add_response('ok', _('_Set Limits'));
  dialog.set_response_appearance('ok', Adw.ResponseAppearance.SUGGESTED);
  dialog.set_default_response('ok');
  dialog.connect('response', (_d, response: string) => {
    if (response !== 'ok') return;
    upload.update();
    download.update();
    onAnswer({ upload: upload.get_value(), download: download.get_value() });
  });
  dialog.present();
  return dialog;
}

/** Picks one of the torrent's tracker URLs (edit or remove), optionally editing it. */
export function trackerDialog(
  parent: Gtk.Window,
  options: { heading: string; body: string; urls: string[]; editable: boolean; confirm: string; destructive?: boolean },
  onAnswer: (url: string, edited: string) => void,
): Adw.MessageDialog {
  const dialog = messageDialog(parent, options.heading, options.body);
  const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL, spacing: 6 });
  const dropdown = Gtk.DropDown.new_from_strings(options.urls);
  box.append(dropdown);
  const entry = new Gtk.Entry({ text: options.urls[0] ?? '', activates_default: true, width_chars: 40 });
  if (options.editable) box.append(entry);
  dropdown.connect('notify::selected', () => entry.set_text(options.urls[dropdown.get_selected()] ?? ''));
  dialog.set_extra_child(box);
  dialog.add_response('ok', options.confirm);
  dialog.set_response_appearance(
    'ok',
    options.destructive ? Adw.ResponseAppearance.DESTRUCTIVE : Adw.ResponseAppearance.SUGGESTED,
  );
  dialog.set_default_response(options.destructive ? 'cancel' : 'ok');
  dialog.connect('response', (_d, response: string) => {
    if (response === 'ok') onAnswer(options.urls[dropdown.get_selected()], entry.get_text().trim());
  });
  dialog.present();
  return dialog;
}
