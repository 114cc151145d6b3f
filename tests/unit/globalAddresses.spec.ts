import Gio from 'gi://Gio';

import { isGlobalUnicast, systemGlobalAddresses } from '../../src/model/tracker/globalAddresses.ts';

describe('global addresses (ipv4=/ipv6= for Transmission identities)', () => {
  const cases: [string, boolean][] = [
    ['2001:4860:4860::8888', true],
    ['2a00:1450::1', true],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::2', false], // unique local
    ['ff02::1', false],
    ['::', false],
    ['8.8.8.8', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.1.1', false],
    ['100.64.0.1', false], // carrier NAT
    ['192.0.2.2', false], // documentation
    ['224.0.0.1', false],
    ['0.0.0.0', false],
  ];
  for (const [text, global] of cases)
    it(`${text} is ${global ? '' : 'not '}global unicast`, () => {
      expect(isGlobalUnicast(Gio.InetAddress.new_from_string(text)!)).toBe(global);
    });

  it('this machine: whatever it finds is global unicast, or nothing', () => {
    const found = systemGlobalAddresses();
    for (const a of [found.ipv4, found.ipv6])
      if (a !== null) expect(isGlobalUnicast(Gio.InetAddress.new_from_string(a)!)).toBeTrue();
  });
});
