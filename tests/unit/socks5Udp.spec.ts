import { Socks5UdpRelay } from '../../src/model/tracker/Socks5UdpRelay.ts';

/** The RFC 1928 §7 framing of datagrams that go through a SOCKS 5 UDP relay. */
describe('Socks5UdpRelay framing', () => {
  it('names an IPv4 tracker by address, anything else by name for the proxy to resolve', () => {
    expect([...Socks5UdpRelay.header('127.0.0.1', 6969)]).toEqual([0, 0, 0, 1, 127, 0, 0, 1, 0x1b, 0x39]);
    const named = Socks5UdpRelay.header('tracker.example.org', 80);
    expect([...named.subarray(0, 5)]).toEqual([0, 0, 0, 3, 19]);
    expect(String.fromCharCode(...named.subarray(5, 24))).toBe('tracker.example.org');
    expect([...named.subarray(24)]).toEqual([0, 80]);
    const v6 = Socks5UdpRelay.header('::1', 1337);
    expect([...v6.subarray(0, 5)]).toEqual([0, 0, 0, 3, 3]);
  });

  it('takes the payload out of a relayed datagram, and drops fragments and truncated headers', () => {
    const payload = [0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef];
    const fromV4 = Uint8Array.from([0, 0, 0, 1, 127, 0, 0, 1, 0x1b, 0x39, ...payload]);
    expect([...Socks5UdpRelay.payload(fromV4)!]).toEqual(payload);
    const fromName = Uint8Array.from([0, 0, 0, 3, 1, 0x61, 0, 80, ...payload]);
    expect([...Socks5UdpRelay.payload(fromName)!]).toEqual(payload);
    const fromV6 = Uint8Array.from([0, 0, 0, 4, ...new Array(16).fill(0), 0, 80, ...payload]);
    expect([...Socks5UdpRelay.payload(fromV6)!]).toEqual(payload);
    expect(Socks5UdpRelay.payload(Uint8Array.from([0, 0, 1, 1, 127, 0, 0, 1, 0, 80, ...payload]))).toBeNull();
    expect(Socks5UdpRelay.payload(Uint8Array.from([0, 0, 0, 1, 127, 0]))).toBeNull();
    expect(Socks5UdpRelay.payload(Uint8Array.from([0, 0, 0, 9, 1, 2, 3]))).toBeNull();
  });
});
