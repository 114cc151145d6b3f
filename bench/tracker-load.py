#!/usr/bin/env python3
"""Announce load for bench/tracker-server.sh: as many announces as a tracker answers, for a while.

usage: tracker-load.py http|udp PORT SECONDS CONCURRENCY HASHES_FILE

HTTP: CONCURRENCY connections at once, each a fresh TCP connection per announce (as real clients
do), compact=1. UDP (BEP 15): one socket, a connect, then CONCURRENCY announces in flight. Every
announce names one of the info hashes in HASHES_FILE (40 hex a line) and a peer of its own.
Prints one line: `<mode> answered=N failed=M seconds=S rate=R` (R = answered announces a second).
Loopback only: the host is always 127.0.0.1.
"""
import asyncio
import os
import random
import struct
import sys
import time
import urllib.parse

mode, port, seconds, concurrency, hashes_file = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
hashes = [bytes.fromhex(line.strip()) for line in open(hashes_file) if line.strip()]
answered = 0
failed = 0


def peer_id(n):
    return b'-BE0001-' + ('%012d' % n).encode()


async def http_worker(n, deadline):
    global answered, failed
    pid = urllib.parse.quote(peer_id(n), safe='')
    i = 0
    while time.monotonic() < deadline:
        ih = urllib.parse.quote(random.choice(hashes), safe='')
        i += 1
        req = ('GET /announce?info_hash=%s&peer_id=%s&port=%d&uploaded=0&downloaded=0&left=%d&compact=1&numwant=50 '
               'HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n') % (ih, pid, 10000 + n, i % 2)
        try:
            reader, writer = await asyncio.open_connection('127.0.0.1', port)
            writer.write(req.encode())
            data = await asyncio.wait_for(reader.read(), 10)
            writer.close()
            if b'8:interval' in data:
                answered += 1
            else:
                failed += 1
        except (OSError, asyncio.TimeoutError):
            failed += 1


class Udp(asyncio.DatagramProtocol):
    def __init__(self):
        self.waiting = {}

    def datagram_received(self, data, addr):
        if len(data) >= 8:
            tid = struct.unpack('>I', data[4:8])[0]
            fut = self.waiting.pop(tid, None)
            if fut and not fut.done():
                fut.set_result(data)


async def udp_run(deadline):
    global answered, failed
    loop = asyncio.get_running_loop()
    transport, proto = await loop.create_datagram_endpoint(Udp, remote_addr=('127.0.0.1', port))

    async def exchange(packet, tid):
        fut = loop.create_future()
        proto.waiting[tid] = fut
        transport.sendto(packet)
        try:
            return await asyncio.wait_for(fut, 5)
        except asyncio.TimeoutError:
            proto.waiting.pop(tid, None)
            return None

    state = {'cid': None, 'at': 0.0}

    async def connection_id():
        if state['cid'] is None or time.monotonic() - state['at'] > 50:
            tid = random.getrandbits(32)
            r = await exchange(struct.pack('>QII', 0x41727101980, 0, tid), tid)
            if r and len(r) >= 16 and struct.unpack('>I', r[:4])[0] == 0:
                state['cid'], state['at'] = r[8:16], time.monotonic()
        return state['cid']

    async def worker(n):
        global answered, failed
        while time.monotonic() < deadline:
            cid = await connection_id()
            if cid is None:
                failed += 1
                continue
            tid = random.getrandbits(32)
            packet = cid + struct.pack('>II20s20sQQQIIIiH', 1, tid, random.choice(hashes), peer_id(n), 0, n % 2, 0, 0, 0, 0, 50, 10000 + n)
            r = await exchange(packet, tid)
            if r and len(r) >= 20 and struct.unpack('>I', r[:4])[0] == 1:
                answered += 1
            else:
                failed += 1

    await asyncio.gather(*(worker(n) for n in range(concurrency)))
    transport.close()


async def main():
    deadline = time.monotonic() + seconds
    start = time.monotonic()
    if mode == 'http':
        await asyncio.gather(*(http_worker(n, deadline) for n in range(concurrency)))
    else:
        await udp_run(deadline)
    took = time.monotonic() - start
    print('%s answered=%d failed=%d seconds=%.1f rate=%.0f' % (mode, answered, failed, took, answered / took))


asyncio.run(main())
