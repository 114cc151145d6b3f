import {
  allIdentities,
  DEFAULT_IDENTITY_ID,
  escapeBytes,
  generateKey,
  generatePeerId,
  identityById,
} from '../../src/model/identity/index.ts';
import { TrackerNetwork } from '../../src/model/tracker/index.ts';
import { MemorySettings } from '../support/trackerSettings.ts';

describe('client identities (data/clients.json)', () => {
  it('has the required clients with their real peer_id prefixes', () => {
    const prefixes = Object.fromEntries(allIdentities().map((c) => [c.id, c.peerIdPrefix]));
    expect(prefixes).toEqual({
      'qbittorrent-5.2.3': '-qB5230-',
      'qbittorrent-4.5.2': '-qB4520-',
      'transmission-4.1.3': '-TR4130-',
      'transmission-3.00': '-TR3000-',
      'deluge-2.2.0': '-DE220s-',
      'deluge-2.0.3': '-DE203s-', // not the original's -DE2003-
      'libtorrent-2.0.13': '-LT20D0-',
      'utorrent-3.5.5': '-UT355S-',
      'vuze-5.7.6': '-AZ5760-',
      'bittorrent-7.10.5': '-BT7a5S-',
      'rtorrent-0.9.6': '-lt0D60-', // rakshasa's libtorrent, not -RT0960-
    });
    expect(DEFAULT_IDENTITY_ID).toBe('qbittorrent-5.2.3');
  });

  it('falls back to the default for an unknown or missing id', () => {
    expect(identityById('no-such-client').id).toBe('qbittorrent-5.2.3');
    expect(identityById(undefined).id).toBe('qbittorrent-5.2.3');
    expect(identityById('transmission-3.00').userAgent).toBe('Transmission/3.00');
  });

  it('merges each client over its family (policies that differ per version)', () => {
    const qb5 = identityById('qbittorrent-5.2.3');
    const deluge = identityById('deluge-2.2.0');
    expect(qb5.schedule.stopTimeout).toBe(2); // qBittorrent 5 sets stop_tracker_timeout 2 s
    expect(identityById('qbittorrent-4.5.2').schedule.stopTimeout).toBe(5);
    expect(qb5.tiers).toEqual({ allTiers: true, shuffle: true }); // AnnounceToAllTiers
    expect(deluge.tiers).toEqual({ allTiers: false, shuffle: true }); // libtorrent's default
    expect(qb5.schedule.intervalFloor).toBe(300);
    expect(identityById('transmission-4.1.3').schedule.intervalFloor).toBe(0);
    expect(identityById('transmission-3.00').escape.hexCase).toBe('lower');
    expect(identityById('transmission-4.1.3').escape.hexCase).toBe('upper');
  });

  for (const identity of allIdentities()) {
    it(`${identity.id}: a peer_id is 20 bytes, its prefix and a tail from the client's alphabet`, () => {
      for (let i = 0; i < 50; i++) {
        const id = generatePeerId(identity);
        expect(id.length).toBe(20);
        expect(String.fromCharCode(...id.subarray(0, 8))).toBe(identity.peerIdPrefix);
        const tail = String.fromCharCode(...id.subarray(8));
        switch (identity.peerIdTail) {
          case 'transmission':
            expect(tail).toMatch(/^[0-9a-z]{12}$/);
            expect([...tail].reduce((s, c) => s + parseInt(c, 36), 0) % 36).toBe(0);
            break;
          case 'libtorrent':
            expect(tail).toMatch(/^[0-9A-Za-z\-_.!~*()]{12}$/);
            break;
          case 'alnum':
            expect(tail).toMatch(/^[0-9A-Za-z]{12}$/);
            break;
          case 'binary':
            expect([...id.subarray(8)].every((b) => b >= 1 && b <= 255)).toBeTrue();
        }
      }
    });
  }

  it('Transmission check character: the 12 tail values always sum to 0 mod 36, even at the edges', () => {
    const tr = identityById('transmission-4.1.3');
    for (const draw of [() => 0, () => 35, () => 17]) {
      const tail = String.fromCharCode(...generatePeerId(tr, draw).subarray(8));
      expect([...tail].reduce((s, c) => s + parseInt(c, 36), 0) % 36).toBe(0);
    }
    expect(String.fromCharCode(...generatePeerId(tr, () => 0).subarray(8))).toBe('000000000000');
    expect(String.fromCharCode(...generatePeerId(tr, () => 1).subarray(8))).toBe('11111111111p'); // 11 + 25 = 36
  });

  it('keys: width, case and format per client; the UDP value is the same number', () => {
    const draw = () => 0xbeef;
    expect(generateKey(identityById('qbittorrent-5.2.3'), draw)).toEqual({ text: 'BEEFBEEF', value: 0xbeefbeef });
    expect(generateKey(identityById('rtorrent-0.9.6'), draw).text).toBe('beefbeef');
    expect(generateKey(identityById('transmission-3.00'), () => 0x00ab).text).toBe('ab00ab'); // %x, unpadded
    expect(generateKey(identityById('transmission-4.1.3'), () => 0x00ab).text).toBe('00AB00AB');
    expect(generateKey(identityById('vuze-5.7.6')).text).toMatch(/^[0-9A-Za-z]{8}$/);
  });

  it('escaping: which bytes stay raw and the hex case follow the client', () => {
    const bytes = Uint8Array.from([0x41, 0x7e, 0x2a, 0x28, 0x21, 0x2e, 0x2d, 0x5f, 0x20, 0xab, 0x2f]);
    expect(escapeBytes(identityById('qbittorrent-5.2.3'), bytes)).toBe('A~*(!.-_%20%ab%2f');
    expect(escapeBytes(identityById('transmission-4.1.3'), bytes)).toBe('A~%2A%28%21.-_%20%AB%2F');
    expect(escapeBytes(identityById('transmission-3.00'), bytes)).toBe('A~%2a%28%21.-_%20%ab%2f');
    expect(escapeBytes(identityById('utorrent-3.5.5'), bytes)).toBe('A%7e%2a%28%21%2e-%5f%20%ab%2f');
  });

  it('TrackerNetwork: one peer_id per identity and one key per torrent for the whole session', () => {
    const settings = new MemorySettings({ agent: 'deluge-2.0.3' });
    const network = new TrackerNetwork(settings);
    const first = network.peerId;
    expect(network.peerId).toBe(first);
    expect(network.keyFor('aa')).toBe(network.keyFor('aa'));
    expect(network.keyFor('aa').text).not.toBe(network.keyFor('bb').text);
    settings.change('agent', 'transmission-4.1.3');
    expect(String.fromCharCode(...network.peerId.subarray(0, 8))).toBe('-TR4130-');
    settings.change('agent', 'deluge-2.0.3');
    expect(network.peerId).toBe(first); // switching back finds the session's id again
    expect(network.port).toBe(6881);
    settings.change('connection.listening_port', 51413);
    expect(network.port).toBe(51413);
    network.dispose();
  });
});
