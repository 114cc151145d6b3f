import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import { SpeedGraph } from './SpeedGraph.ts';

GObject.type_ensure(SpeedGraph.$gtype);

/**
 * The Status tab's frame: the torrent's figures (given) beside its speed graph; in a narrow
 * window the graph moves under the figures instead of squeezing them to a letter a line.
 */
export class StatusTab extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsStatusTab',
        Template: uiResource('status-tab'),
        InternalChildren: ['figures_box', 'legend_box', 'graph'],
      },
      this,
    );
  }

  declare _figures_box: Gtk.Box;
  declare _legend_box: Gtk.Box;
  declare _graph: SpeedGraph;

  constructor(figures: Gtk.Widget) {
    super();
    this._figures_box.append(figures);
    this._legend_box.append(legendItem(_('Upload'), 'dfs-legend-upload'));
    this._legend_box.append(legendItem(_('Download'), 'dfs-legend-download'));
  }

  get graph(): SpeedGraph {
    return this._graph;
  }
}

function legendItem(text: string, cssClass: string): Gtk.Box {
  const box = new Gtk.Box({ spacing: 6 });
  const swatch = new Gtk.Box({ valign: Gtk.Align.CENTER });
  swatch.add_css_class('dfs-legend-swatch');
  swatch.add_css_class(cssClass);
  box.append(swatch);
  const label = new Gtk.Label({ label: text });
  label.add_css_class('caption');
  box.append(label);
  return box;
}
