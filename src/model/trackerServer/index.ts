export {
  type TrackedPeerView,
  type TrackedTorrentView,
  type TrackerFigures,
  TrackerService,
} from './TrackerService.ts';
export { TRACKER_SETTINGS } from './trackerSettings.ts';
export { TrackerCore } from './TrackerCore.ts';
export { HISTORY_SECONDS } from './TrackerStats.ts';
