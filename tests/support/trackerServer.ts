import { TrackerService } from '../../src/model/trackerServer/index.ts';
import { ManualClock, MemorySettings } from './trackerSettings.ts';

/**
 * The built-in tracker for specs: on 127.0.0.1 with ports the system picks, its settings in
 * memory (change them with `settings.change`), optionally on a clock the spec moves.
 */
export function startTrackerService(values: Record<string, unknown> = {}, clock?: ManualClock) {
  const settings = new MemorySettings({
    'tracker_settings.enabled': true,
    'tracker_settings.http_port': 0,
    'tracker_settings.udp_port': 0,
    'tracker_settings.bind_address': '127.0.0.1',
    ...values,
  });
  const service = new TrackerService(settings, clock ? { nowSeconds: () => clock.us / 1e6 } : {});
  (settings as unknown as { connect(s: string, cb: (o: unknown, p: string) => void): number }).connect(
    'changed',
    (_s, path) => service.settingChanged(path),
  );
  service.start();
  if (!service.running) throw new Error(`the built-in tracker did not start: ${service.error}`);
  return { service, settings };
}
