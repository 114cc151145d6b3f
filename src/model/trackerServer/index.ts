export { TrackerService, type TrackedPeerView, type TrackedTorrentView } from './TrackerService.ts';
export { TRACKER_SETTINGS } from './trackerSettings.ts';
export { TrackerCore } from './TrackerCore.ts';
export { HISTORY_SECONDS } from './TrackerStats.ts';
