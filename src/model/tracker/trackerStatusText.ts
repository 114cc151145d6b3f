import { _ } from '../../lib/i18n.ts';
import type { TrackerState } from './types.ts';

/** Plain words for a tracker's state, as the Trackers tab shows them. */
export function trackerStatusText(state: TrackerState): string {
  switch (state) {
    case 'idle':
      return _('Not contacted yet');
    case 'announcing':
      return _('Announcing…');
    case 'working':
      return _('Working');
    case 'error':
      return _('Error');
    case 'disabled':
      return _('Error (not retried)');
    case 'stopped':
      return _('Stopped');
  }
}
