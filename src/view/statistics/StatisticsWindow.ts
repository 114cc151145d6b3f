import Adw from 'gi://Adw';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { format, _ } from '../../lib/i18n.ts';
import type { ExportFormat } from '../../model/history/historyExport.ts';
import { AppHealthPage } from './AppHealthPage.ts';
import { StatisticsOverview } from './StatisticsOverview.ts';
import type { StatisticsSource } from './StatisticsSource.ts';
import { TrackerStatisticsPage } from './TrackerStatisticsPage.ts';

/**
 * Statistics, in its own window beside the main one (a seeder looks at it now and then, next to
 * the torrent list rather than instead of it): Overview, Trackers, App Health, and the export of
 * the whole history to CSV or JSON (`stats.export('csv' | 'json')`).
 */
export class StatisticsWindow extends Adw.Window {
  static {
    GObject.registerClass({ GTypeName: 'DfsStatisticsWindow' }, this);
  }

  readonly #source: StatisticsSource;
  readonly stack = new Adw.ViewStack({ vexpand: true });
  readonly overview: StatisticsOverview;
  readonly trackers: TrackerStatisticsPage;
  readonly health: AppHealthPage;
  readonly #toasts = new Adw.ToastOverlay();
  #handler = 0;
  /** The open file chooser, held so it is not collected before it answers. */
  chooser: Gtk.FileChooserNative | null = null;

  constructor(source: StatisticsSource, props: Partial<Adw.Window.ConstructorProps> = {}) {
    super({ title: _('Statistics'), default_width: 760, default_height: 640, ...props });
    this.#source = source;
    this.overview = new StatisticsOverview(source);
    this.trackers = new TrackerStatisticsPage(source);
    this.health = new AppHealthPage(source);
    this.stack.add_titled_with_icon(this.overview, 'overview', _('Overview'), 'view-grid-symbolic');
    this.stack.add_titled_with_icon(this.trackers, 'trackers', _('Trackers'), 'network-server-symbolic');
    this.stack.add_titled_with_icon(this.health, 'health', _('App Health'), 'utilities-system-monitor-symbolic');

    const header = new Adw.HeaderBar({
      title_widget: new Adw.ViewSwitcherTitle({ stack: this.stack, title: _('Statistics') }),
    });
    const menu = new Gio.Menu();
    menu.append(_('Export as _CSV…'), 'stats.export::csv');
    menu.append(_('Export as _JSON…'), 'stats.export::json');
    const exportButton = new Gtk.MenuButton({
      icon_name: 'document-save-as-symbolic',
      menu_model: menu,
      tooltip_text: _('Export the History'),
    });
    header.pack_end(exportButton);

    const group = new Gio.SimpleActionGroup();
    const exportAction = new Gio.SimpleAction({ name: 'export', parameter_type: new GLib.VariantType('s') });
    exportAction.connect('activate', (_a, p) => this.chooseExportFile(p?.unpack() === 'json' ? 'json' : 'csv'));
    group.add_action(exportAction);
    this.insert_action_group('stats', group);

    const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });
    box.append(header);
    box.append(this.stack);
    this.#toasts.set_child(box);
    this.set_content(this.#toasts);

    this.connect('map', () => {
      if (!this.#handler) this.#handler = source.history.connect('changed', () => this.refresh());
      this.refresh();
    });
    this.connect('unmap', () => {
      if (this.#handler) source.history.disconnect(this.#handler);
      this.#handler = 0;
    });
    this.stack.connect('notify::visible-child-name', () => this.refresh());
  }

  /** Redraws the page on screen from the history. */
  refresh(): void {
    const page = this.stack.get_visible_child_name();
    if (page === 'overview') this.overview.refresh();
    else if (page === 'trackers') this.trackers.refresh();
  }

  showToast(message: string): void {
    this.#toasts.add_toast(new Adw.Toast({ title: message, timeout: 5 }));
  }

  /** Asks where to save, then has the controller write the file. */
  chooseExportFile(fmt: ExportFormat): void {
    const chooser = new Gtk.FileChooserNative({
      title: fmt === 'csv' ? _('Export the History as CSV') : _('Export the History as JSON'),
      action: Gtk.FileChooserAction.SAVE,
      transient_for: this,
      modal: true,
      accept_label: _('_Export'),
    });
    chooser.set_current_name(`dfakeseeder-history.${fmt}`);
    this.chooser = chooser; // kept alive until it answers
    chooser.connect('response', (_c, response: number) => {
      this.chooser = null;
      const path = chooser.get_file()?.get_path();
      if (response !== Gtk.ResponseType.ACCEPT || !path) return;
      this.exportTo(path, fmt);
    });
    chooser.show();
  }

  exportTo(path: string, fmt: ExportFormat): void {
    this.#source.exportHistory(path, fmt).then(
      () => this.showToast(format(_('History exported to %1$s'), GLib.path_get_basename(path))),
      (e: unknown) => this.showToast(e instanceof Error ? e.message : String(e)),
    );
  }
}
