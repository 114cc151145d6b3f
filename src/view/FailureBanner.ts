import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';

interface FailureBannerSignals extends Gtk.Revealer.SignalSignatures {
  'show-requested': () => void;
}

/**
 * The window's own word on failing torrents, under the header bar: how many torrents are in
 * error (no tracker answers, or another error), with a button that shows them. Dismissed, it
 * stays away until more torrents fail.
 */
export class FailureBanner extends Gtk.Revealer {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsFailureBanner',
        Template: uiResource('failure-banner'),
        InternalChildren: ['message_label', 'show_button', 'close_button'],
        Signals: { 'show-requested': {} },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, FailureBannerSignals>['connect'];
  declare emit: GObject.SignalMethods<this, FailureBannerSignals>['emit'];
  declare _message_label: Gtk.Label;
  declare _show_button: Gtk.Button;
  declare _close_button: Gtk.Button;
  #count = 0;
  #dismissedAt = 0;

  constructor(params: Partial<Gtk.Revealer.ConstructorProps> = {}) {
    super(params);
    this._show_button.connect('clicked', () => this.emit('show-requested'));
    this._close_button.connect('clicked', () => {
      this.#dismissedAt = this.#count;
      this.set_reveal_child(false);
    });
  }

  get message(): string {
    return this._message_label.get_label();
  }

  /** How many torrents are failing now, and the latest reason given. */
  setFailures(count: number, reason: string): void {
    this.#count = count;
    if (count < this.#dismissedAt) this.#dismissedAt = count;
    if (count === 0) {
      this.set_reveal_child(false);
      return;
    }
    const text = format(
      ngettext(
        '%1$d torrent has no working tracker or another error',
        '%1$d torrents have no working tracker or another error',
        count,
      ),
      count,
    );
    this._message_label.set_label(reason ? format(_('%1$s. Last: %2$s'), text, reason) : text);
    this.set_reveal_child(count > this.#dismissedAt);
  }
}
