import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import type Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import { attachToParent } from './questionDialog.ts';

/** Every message of a burst the window summed up in one toast (e.g. 985 unreadable files). */
export class NoticeListDialog extends Adw.MessageDialog {
  static {
    GObject.registerClass(
      { GTypeName: 'DfsNoticeListDialog', Template: uiResource('notice-list-dialog'), InternalChildren: ['text_view'] },
      this,
    );
  }

  declare _text_view: Gtk.TextView;

  constructor(parent: Gtk.Window, messages: string[]) {
    super();
    attachToParent(this, parent);
    this.set_heading(format(ngettext('%1$d Problem', '%1$d Problems', messages.length), messages.length));
    this.set_body(_('Each line says what went wrong and with which file or tracker. Nothing else was changed.'));
    this._text_view.get_buffer().set_text(messages.join('\n'), -1);
  }

  get text(): string {
    const buffer = this._text_view.get_buffer();
    return buffer.get_text(buffer.get_start_iter(), buffer.get_end_iter(), false);
  }
}
