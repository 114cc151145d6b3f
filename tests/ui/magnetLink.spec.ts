import { Torrent } from '../../src/model/torrent/Torrent.ts';
import { magnetLink } from '../../src/view/magnetLink.ts';

describe('magnet links', () => {
  const sha1 = 'aa'.repeat(20);
  const sha256 = 'bb'.repeat(32);
  const torrent = (v1: string, v2: string) =>
    Object.assign(new Torrent(), {
      name: 'a b.iso',
      info_hash: v1 || v2.slice(0, 40),
      info_hash_v1: v1,
      info_hash_v2: v2,
    });

  it('uses btih with the SHA-1 for a v1 torrent', () => {
    expect(magnetLink(torrent(sha1, ''), ['http://t/a'])).toBe(
      `magnet:?xt=urn:btih:${sha1}&dn=a%20b.iso&tr=http%3A%2F%2Ft%2Fa`,
    );
  });

  it('uses btmh with the full SHA-256 for a v2 torrent, never the truncated hash as btih', () => {
    expect(magnetLink(torrent('', sha256), [])).toBe(`magnet:?xt=urn:btmh:1220${sha256}&dn=a%20b.iso`);
  });

  it('carries both hashes for a hybrid torrent', () => {
    expect(magnetLink(torrent(sha1, sha256), [])).toBe(
      `magnet:?xt=urn:btih:${sha1}&xt=urn:btmh:1220${sha256}&dn=a%20b.iso`,
    );
  });
});
