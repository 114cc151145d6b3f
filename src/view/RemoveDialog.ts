import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import type Gtk from 'gi://Gtk?version=4.0';

import { _, format } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import { attachToParent } from './questionDialog.ts';

interface RemoveDialogSignals extends Adw.MessageDialog.SignalSignatures {
  'remove-confirmed': () => void;
}

/**
 * "Remove N torrents?". It says what happens to each file: the app's own copy in its torrents
 * folder (the "Torrent File" of the Details tab) is deleted, because that folder is the list;
 * the .torrent file the user added from is not touched. The toast that follows offers Undo.
 */
export class RemoveDialog extends Adw.MessageDialog {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsRemoveDialog',
        Template: uiResource('remove-dialog'),
        Signals: { 'remove-confirmed': {} },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, RemoveDialogSignals>['connect'];
  declare emit: GObject.SignalMethods<this, RemoveDialogSignals>['emit'];

  constructor(parent: Gtk.Window, names: string[]) {
    super();
    attachToParent(this, parent);
    const one = names.length === 1;
    this.set_heading(one ? _('Remove Torrent?') : format(_('Remove %1$d Torrents?'), names.length));
    const what = one
      ? format(_('“%1$s” will be stopped and removed from the list.'), names[0])
      : _('The selected torrents will be stopped and removed from the list.');
    const files = _(
      'Trackers are told it stopped. The app’s copy of the .torrent file is deleted; the file you added it from is kept.',
    );
    this.set_body(`${what} ${files}`);
    this.connect('response', (_d, response: string) => {
      if (response === 'remove') this.emit('remove-confirmed');
    });
  }
}
