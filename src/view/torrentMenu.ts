import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { _ } from '../lib/i18n.ts';
import { TORRENT_COLUMNS } from './torrentColumns.ts';

function item(label: string, action: string, target?: string): Gio.MenuItem {
  const i = Gio.MenuItem.new(label, null);
  if (target === undefined) i.set_detailed_action(action);
  else i.set_action_and_target_value(action, GLib.Variant.new_string(target));
  return i;
}

function section(...items: Gio.MenuItem[]): Gio.Menu {
  const menu = new Gio.Menu();
  for (const i of items) menu.append_item(i);
  return menu;
}

/** The Columns submenu: one check item per column (`list.column-<id>`). */
export function columnsMenu(): Gio.Menu {
  const menu = new Gio.Menu();
  for (const c of TORRENT_COLUMNS)
    menu.append_item(item(c.id === 'id' ? _('Queue Position') : c.title, `list.column-${c.id}`));
  return menu;
}

/**
 * The torrent list's context menu: every action of the original DFakeSeeder,
 * acting on the selection through `torrent.*` actions.
 */
export function torrentContextMenu(): Gio.Menu {
  const menu = new Gio.Menu();
  menu.append_section(
    null,
    section(
      item(_('_Pause'), 'torrent.pause'),
      item(_('_Resume'), 'torrent.resume'),
      item(_('_Force Start'), 'torrent.force-start'),
    ),
  );
  menu.append_section(
    null,
    section(
      item(_('_Update Tracker'), 'torrent.update-tracker'),
      item(_('_Scrape Now'), 'torrent.scrape-now'),
      item(_('Add the _Built-in Tracker'), 'torrent.add-builtin-tracker'),
      item(_('Force Re_check'), 'torrent.force-recheck'),
      item(_('Force _Complete'), 'torrent.force-complete'),
      item(_('Set Random Pro_gress'), 'torrent.random-progress'),
    ),
  );

  const copy = section(
    item(_('_Name'), 'torrent.copy', 'name'),
    item(_('_Info Hash'), 'torrent.copy', 'hash'),
    item(_('_Magnet Link'), 'torrent.copy', 'magnet'),
    item(_('_Tracker URL'), 'torrent.copy', 'tracker'),
  );
  const priority = section(
    item(_('_High'), 'torrent.priority', 'high'),
    item(_('_Normal'), 'torrent.priority', 'normal'),
    item(_('_Low'), 'torrent.priority', 'low'),
  );
  const limits = section(
    item(_('_Set Limits…'), 'torrent.speed-limits'),
    item(_('_Reset to Global Limits'), 'torrent.reset-limits'),
  );
  const trackers = section(
    item(_('_Add Tracker…'), 'torrent.tracker-add'),
    item(_('_Edit Tracker…'), 'torrent.tracker-edit'),
    item(_('_Remove Tracker…'), 'torrent.tracker-remove'),
  );
  const queue = section(
    item(_('Move to _Top'), 'torrent.queue', 'top'),
    item(_('Move _Up'), 'torrent.queue', 'up'),
    item(_('Move _Down'), 'torrent.queue', 'down'),
    item(_('Move to _Bottom'), 'torrent.queue', 'bottom'),
  );
  const submenus = new Gio.Menu();
  submenus.append_submenu(_('C_opy'), copy);
  submenus.append_submenu(_('Pr_iority'), priority);
  submenus.append_submenu(_('_Speed Limits'), limits);
  submenus.append_submenu(_('_Trackers'), trackers);
  submenus.append_submenu(_('_Queue'), queue);
  menu.append_section(null, submenus);

  menu.append_section(null, section(item(_('Rena_me…'), 'torrent.rename'), item(_('Set _Label…'), 'torrent.label')));
  const columns = new Gio.Menu();
  columns.append_submenu(_('Colu_mns'), columnsMenu());
  menu.append_section(null, columns);
  menu.append_section(null, section(item(_('Remo_ve…'), 'torrent.remove')));
  return menu;
}
