import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import { profileTitle, changeText } from './profileText.ts';
import { attachToParent } from './questionDialog.ts';
import type { ProfileChange, ProfileName } from './TorrentSource.ts';

/** Lines listed at most; the rest is counted (thousands of torrents × seven fields). */
const MAX_LINES = 300;

interface ProfilePreviewSignals extends Adw.MessageDialog.SignalSignatures {
  'apply-confirmed': () => void;
}

/**
 * "Apply the Conservative profile?": lists every change applying it would make, one line per
 * torrent and field (old → new), before anything changes. Apply emits `apply-confirmed`; when
 * nothing would change it says so and only closes.
 */
export class ProfilePreviewDialog extends Adw.MessageDialog {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsProfilePreviewDialog',
        Template: uiResource('profile-preview-dialog'),
        InternalChildren: ['changes', 'scroller'],
        Signals: { 'apply-confirmed': {} },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, ProfilePreviewSignals>['connect'];
  declare emit: GObject.SignalMethods<this, ProfilePreviewSignals>['emit'];
  declare _changes: Gtk.ListBox;
  declare _scroller: Gtk.ScrolledWindow;
  /** The lines shown, "torrent — field: old → new" (specs read them). */
  readonly lines: string[] = [];

  constructor(parent: Gtk.Window, profile: ProfileName, changes: ProfileChange[]) {
    super();
    attachToParent(this, parent);
    this.set_heading(format(_('Apply the %1$s Profile?'), profileTitle(profile)));
    const torrents = new Set(changes.map((c) => c.infoHash)).size;
    if (changes.length === 0) {
      this.set_body(_('Nothing would change: these torrents already have this profile’s values.'));
      this.set_response_enabled('apply', false);
      this._scroller.set_visible(false);
    } else {
      this.set_body(
        format(
          ngettext('%1$d change on %2$d torrent:', '%1$d changes on %2$d torrents:', changes.length),
          changes.length,
          torrents,
        ),
      );
    }
    for (const c of changes.slice(0, MAX_LINES)) this.#addLine(c.name, changeText(c.field, c.from, c.to));
    if (changes.length > MAX_LINES) this.#addLine(format(_('…and %1$d more changes'), changes.length - MAX_LINES), '');
    this.connect('response', (_d, response: string) => {
      if (response === 'apply' && changes.length > 0) this.emit('apply-confirmed');
    });
  }

  #addLine(title: string, subtitle: string): void {
    this.lines.push(subtitle ? `${title} — ${subtitle}` : title);
    // Torrent names are outside data: never markup.
    const row = new Adw.ActionRow({ title, subtitle, use_markup: false });
    this._changes.append(row);
  }
}
