import { parseAnnounceReply } from '../../src/model/tracker/bencodeReply.ts';
import { isOwnPeer, otherPeers } from '../../src/model/tracker/ownPeer.ts';

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ourId = enc('-qB4520-abcdefghijkl');
const self = { port: 6881, peerId: ourId };

describe('our own announce echoed back by a tracker', () => {
  it('is our port on this computer’s loopback, in IPv4 and IPv6', () => {
    expect(isOwnPeer({ ip: '127.0.0.1', port: 6881 }, self)).toBeTrue();
    expect(isOwnPeer({ ip: '::1', port: 6881 }, self)).toBeTrue();
    expect(isOwnPeer({ ip: '127.0.0.1', port: 6882 }, self)).toBeFalse();
    expect(isOwnPeer({ ip: '10.0.0.1', port: 6881 }, self)).toBeFalse();
  });

  it('is our port at the address the tracker says it saw us at (BEP 24 external ip)', () => {
    const seen = String.fromCharCode(203, 0, 113, 7);
    const peers = String.fromCharCode(203, 0, 113, 7, 0x1a, 0xe1, 203, 0, 113, 8, 0x1a, 0xe1);
    const reply = parseAnnounceReply(enc(`d11:external ip4:${seen}8:intervali1800e5:peers12:${peers}e`));
    expect(reply.externalIp).toBe('203.0.113.7');
    expect(otherPeers(reply, self)).toEqual([{ ip: '203.0.113.8', port: 6881 }]);
  });

  it('is our peer id in a dictionary peer list, whatever the address', () => {
    const other = '-TR3000-mnopqrstuvwx';
    const reply = parseAnnounceReply(
      enc(
        'd8:intervali1800e5:peersl' +
          'd2:ip8:10.0.0.27:peer id20:-qB4520-abcdefghijkl4:porti51413ee' +
          `d2:ip8:10.0.0.37:peer id20:${other}4:porti51413ee` +
          'ee',
      ),
    );
    expect(reply.peers.length).toBe(2);
    expect(otherPeers(reply, self).map((p) => p.ip)).toEqual(['10.0.0.3']);
  });
});
