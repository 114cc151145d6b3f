import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { attachToParent } from './questionDialog.ts';

interface LimitsDialogSignals extends Adw.MessageDialog.SignalSignatures {
  'limits-chosen': (upload: number, download: number) => void;
}

/** Per-torrent upload and download caps in KB/s (0 = none). Enter in a field confirms. */
export class LimitsDialog extends Adw.MessageDialog {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsLimitsDialog',
        Template: uiResource('limits-dialog'),
        InternalChildren: ['upload_spin', 'download_spin'],
        Signals: { 'limits-chosen': { param_types: [GObject.TYPE_DOUBLE, GObject.TYPE_DOUBLE] } },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, LimitsDialogSignals>['connect'];
  declare emit: GObject.SignalMethods<this, LimitsDialogSignals>['emit'];
  declare _upload_spin: Gtk.SpinButton;
  declare _download_spin: Gtk.SpinButton;

  constructor(parent: Gtk.Window, current: { upload: number; download: number }) {
    super();
    attachToParent(this, parent);
    this._upload_spin.set_value(current.upload);
    this._download_spin.set_value(current.download);
    // Enter in either field confirms, as in any other dialog: GTK 4.8 spin buttons have no
    // activates-default of their own, but the text inside them does.
    for (const spin of this.spins)
      for (let child = spin.get_first_child(); child; child = child.get_next_sibling())
        if (child instanceof Gtk.Text) child.set_activates_default(true);
    this.connect('response', (_d, response: string) => {
      if (response !== 'ok') return;
      // Take what is typed even if the field was not left first.
      this._upload_spin.update();
      this._download_spin.update();
      this.emit('limits-chosen', this._upload_spin.get_value(), this._download_spin.get_value());
    });
  }

  get spins(): [Gtk.SpinButton, Gtk.SpinButton] {
    return [this._upload_spin, this._download_spin];
  }
}
