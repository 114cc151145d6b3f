import { OpenTracker } from '../support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';

// Checks the test bed itself: if these fail, every tracker spec after them would mislead.
describe('test bed: opentracker on 127.0.0.1', () => {
  let tracker: OpenTracker;
  const hash = fixtureInfoHashHex(makeTorrent());

  beforeAll(async () => {
    if (!OpenTracker.isAvailable()) pending('opentracker is not installed');
    tracker = new OpenTracker();
    await tracker.start([hash]);
  });

  afterAll(async () => tracker?.stop());

  it('answers its stats page and scrapes a whitelisted hash with no peers', async () => {
    expect(await tracker.stats('version')).toMatch(/\S/);
    expect(await tracker.scrape(hash)).toEqual({ complete: 0, incomplete: 0, downloaded: 0 });
  });
});
