import { SETTINGS, type Setting, type SettingValue } from '../model/settings/schema.ts';
import type { TorrentList } from './TorrentList.ts';
import type { SettingsAccess } from './TorrentSource.ts';

/**
 * The list's remembered look: its columns (`columns`) and its sort (`ui_settings.sort_column`,
 * `ui_settings.sort_order`), applied now, saved when the user changes them, and followed when
 * they change elsewhere (D-Bus, the remote page). Returns the disconnect.
 */
export function bindListSettings(
  list: TorrentList,
  settings: SettingsAccess,
  save: <T extends SettingValue>(key: Setting<T>, value: T) => void,
): () => void {
  const sortSetting = () => ({
    column: settings.get(SETTINGS.ui_settings.sort_column),
    descending: settings.get(SETTINGS.ui_settings.sort_order) === 'descending',
  });
  list.applyColumnsSetting(settings.get(SETTINGS.columns));
  list.applySort(sortSetting());
  list.onColumnsChanged = (ids) => save(SETTINGS.columns, ids);
  // Saving the column and the order are two changes: the first must not re-sort the list.
  let saving = false;
  list.onSortChanged = (sort) => {
    saving = true;
    try {
      save(SETTINGS.ui_settings.sort_column, sort.column);
      save(SETTINGS.ui_settings.sort_order, sort.descending ? 'descending' : 'ascending');
    } finally {
      saving = false;
    }
  };
  const handler = settings.connect('changed', (_s: unknown, path: string) => {
    if (saving) return;
    if (path === SETTINGS.columns.path) {
      const wanted = settings.get(SETTINGS.columns);
      if (wanted !== list.visibleColumnIds().join(',')) list.applyColumnsSetting(wanted);
    }
    if (path === SETTINGS.ui_settings.sort_column.path || path === SETTINGS.ui_settings.sort_order.path) {
      const wanted = sortSetting();
      const shown = list.sort;
      if (wanted.column !== shown.column || wanted.descending !== shown.descending) list.applySort(wanted);
    }
  });
  return () => settings.disconnect(handler);
}
