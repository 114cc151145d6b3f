import GLib from 'gi://GLib';

import { BucketCalendar } from '../../src/model/history/BucketCalendar.ts';
import { ALL_KEY, HistoryStore } from '../../src/model/history/HistoryStore.ts';
import { historyCsv, historyJson, CSV_HEADER } from '../../src/model/history/historyExport.ts';

const HASH = 'ab'.repeat(20);
const utc = (iso: string) => GLib.DateTime.new_from_iso8601(iso, null)!.to_unix();

function storeAt(zone: string, start: number): { store: HistoryStore; clock: { now: number } } {
  const clock = { now: start };
  const store = new HistoryStore({ calendar: BucketCalendar.forZone(zone), clock: () => clock.now });
  return { store, clock };
}

describe('History buckets (Europe/Dublin calendar)', () => {
  const dublin = BucketCalendar.forZone('Europe/Dublin');

  it('makes the spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    const spring = dublin.range('day', utc('2026-03-29T12:00:00Z'));
    expect(spring[0]).toBe(utc('2026-03-29T00:00:00Z')); // midnight GMT
    expect(spring[1]).toBe(utc('2026-03-29T23:00:00Z')); // next midnight is IST
    expect(spring[1] - spring[0]).toBe(23 * 3600);
    const autumn = dublin.range('day', utc('2026-10-25T12:00:00Z'));
    expect(autumn[0]).toBe(utc('2026-10-24T23:00:00Z'));
    expect(autumn[1]).toBe(utc('2026-10-26T00:00:00Z'));
    expect(autumn[1] - autumn[0]).toBe(25 * 3600);
  });

  it('gives the repeated hour of the fall-back night two buckets, and the day 25 of them', () => {
    const dayStart = utc('2026-10-24T23:00:00Z');
    const { store, clock } = storeAt('Europe/Dublin', dayStart);
    for (let t = dayStart; t < dayStart + 25 * 3600; t += 600) store.recordTransfer(HASH, ['t.example'], 10, 1, t);
    clock.now = dayStart + 25 * 3600;
    store.tick();
    const hours = store.buckets('hour', dayStart, dayStart + 25 * 3600);
    expect(hours.length).toBe(25);
    expect(hours.every((b) => b[1] === 60)).toBeTrue(); // six figures of 10 bytes each
    const labels = hours.map((b) => store.calendar.label(b[0]).slice(11));
    expect(labels.filter((l) => l === '01:00').length).toBe(2);
    const days = store.buckets('day', dayStart - 3600, dayStart + 26 * 3600);
    expect(days.map((b) => b[1])).toEqual([0, 25 * 60, 0]);
  });

  it('puts the last minute of a month and the first of the next in different days and months', () => {
    const { store, clock } = storeAt('Europe/Dublin', utc('2026-01-31T23:59:30Z'));
    store.recordTransfer(HASH, ['t.example'], 100, 0, utc('2026-01-31T23:59:30Z'));
    store.recordTransfer(HASH, ['t.example'], 7, 0, utc('2026-02-01T00:00:30Z'));
    clock.now = utc('2026-02-01T00:05:00Z');
    store.tick();
    const from = utc('2026-01-01T00:00:00Z');
    const to = utc('2026-03-01T00:00:00Z');
    expect(store.buckets('month', from, to).map((b) => b[1])).toEqual([100, 7]);
    const days = store.buckets('day', utc('2026-01-31T00:00:00Z'), utc('2026-02-02T00:00:00Z'));
    expect(days.map((b) => b[1])).toEqual([100, 7]);
    // Dublin is on GMT in winter: the February bucket starts at 00:00 UTC.
    expect(store.buckets('month', from, to)[1][0]).toBe(utc('2026-02-01T00:00:00Z'));
  });

  it('rolls minutes into hours after a day and hours into days after a month, keeping every byte', () => {
    const start = utc('2026-03-01T00:00:00Z');
    const { store, clock } = storeAt('Europe/Dublin', start);
    let sent = 0;
    // One figure every 10 minutes for 40 days, ticking as the app would.
    for (let t = start; t < start + 40 * 86400; t += 600) {
      store.recordTransfer(HASH, ['t.example'], 1000, 10, t);
      store.recordAnnounce(HASH, 't.example', t % 1800 !== 0, t);
      sent += 1000;
      clock.now = t + 1;
      if (t % 3600 === 0) store.tick();
    }
    clock.now = start + 40 * 86400;
    store.tick();
    const all = store.series.get(ALL_KEY)!;
    const [minutes, hours, days] = all.tiers.map((a) => a.length / 5);
    expect(minutes).toBeLessThanOrEqual(24 * 6 + 1);
    expect(hours).toBeLessThanOrEqual(31 * 24 + 1);
    expect(days).toBeGreaterThanOrEqual(8);
    expect(all.tiers[0][0]).toBeGreaterThanOrEqual(clock.now - 86400);
    expect(all.tiers[1][0]).toBeGreaterThanOrEqual(clock.now - 31 * 86400);
    const total = store.totals(0, Infinity);
    expect(total[1]).toBe(sent);
    expect(total[3] + total[4]).toBe(40 * 144);
    expect(total[4]).toBe(40 * 48);
    // The torrent's own series is coarser (hours, then days) and holds the same bytes.
    const torrent = store.series.get(HistoryStore.torrentKey(HASH))!;
    expect(torrent.unit).toBe('hour');
    expect(store.totals(0, Infinity, HistoryStore.torrentKey(HASH))[1]).toBe(sent);
    // Per-day sums are the same whatever resolution holds the day.
    const perDay = store.buckets('day', start, start + 40 * 86400);
    expect(perDay.reduce((n, b) => n + b[1], 0)).toBe(sent);
  });

  it('counts the ratio back from the current totals', () => {
    const day = utc('2026-05-10T00:00:00Z'); // Dublin: IST, so the local day starts at 23:00 UTC the day before
    const { store, clock } = storeAt('UTC', day);
    store.recordTransfer(HASH, ['t.example'], 500, 0, day + 3600);
    store.recordTransfer(HASH, ['t.example'], 250, 0, day + 86400 + 3600);
    clock.now = day + 2 * 86400 - 1;
    store.tick();
    const ratio = store.ratioByDay([{ infoHash: HASH, totalUploaded: 2000, size: 1000 }], day - 86400, day + 2 * 86400);
    expect(ratio.map((r) => r.ratio)).toEqual([1.25, 1.75, 2]);
  });
});

describe('History export', () => {
  function filledStore(): HistoryStore {
    const start = utc('2026-06-01T10:00:00Z');
    const { store, clock } = storeAt('Europe/Dublin', start);
    store.describeTorrent(HASH, '=cmd|" evil, name', 4096);
    store.recordTransfer(HASH, ['tracker.one'], 1234, 56, start + 5);
    store.recordAnnounce(HASH, 'tracker.one', true, start + 6);
    store.recordAnnounce(HASH, 'tracker.one', false, start + 70);
    clock.now = start + 120;
    store.tick();
    return store;
  }

  it('writes CSV that reads back to the same figures, with hostile names defused', () => {
    const store = filledStore();
    const text = historyCsv(store);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    const rows = lines.slice(1).map(parseCsvLine);
    const header = CSV_HEADER.split(',');
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const torrentRows = records.filter((r) => r.kind === 'torrent');
    expect(torrentRows.length).toBe(1);
    expect(torrentRows[0].name).toBe(`'=cmd|" evil, name`);
    expect(Number(torrentRows[0].uploaded_bytes)).toBe(1234);
    expect(Number(torrentRows[0].announces_ok) + Number(torrentRows[0].announces_failed)).toBe(2);
    const allRows = records.filter((r) => r.kind === 'all');
    expect(allRows.reduce((n, r) => n + Number(r.uploaded_bytes), 0)).toBe(1234);
    expect(allRows.reduce((n, r) => n + Number(r.announces_failed), 0)).toBe(1);
    expect(records.some((r) => r.kind === 'tracker' && r.series === 'tracker.one')).toBeTrue();
    expect(allRows[0].start_local).toBe('2026-06-01 11:00'); // IST
  });

  it('writes JSON that parses back to the same figures', () => {
    const store = filledStore();
    const json = JSON.parse(historyJson(store)) as {
      format: string;
      time_zone: string;
      series: { kind: string; name: string; buckets: { uploaded_bytes: number; announces_ok: number }[] }[];
    };
    expect(json.format).toBe('dfakeseeder-history');
    expect(json.time_zone).toBe('Europe/Dublin');
    const torrent = json.series.find((s) => s.kind === 'torrent')!;
    expect(torrent.name).toBe('=cmd|" evil, name');
    expect(torrent.buckets.reduce((n, b) => n + b.uploaded_bytes, 0)).toBe(1234);
    const all = json.series.find((s) => s.kind === 'all')!;
    expect(all.buckets.reduce((n, b) => n + b.announces_ok, 0)).toBe(1);
  });
});

/** RFC 4180 fields of one line. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 2;
          break;
        }
      }
      out.push(v);
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
