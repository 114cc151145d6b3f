export { agentIdFromIndex, ORIGINAL_AGENT_IDS } from './adoptOriginal.ts';
export { SettingsError } from './SettingsError.ts';
export { SettingsStore, type SettingsStoreOptions } from './SettingsStore.ts';
export { normalizeTorrentState, TORRENT_STATE_DEFAULTS, type TorrentState } from './TorrentState.ts';
export { type Setting, SETTINGS, type SettingValue } from './schema.ts';
export type { Settings } from './Settings.ts';
