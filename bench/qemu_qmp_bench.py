#!/usr/bin/env python3
"""QEMU's own Python client, qemu.qmp, timed for the client benchmark (bench/ClientBench.java).

Run by ClientBench, which interleaves its rounds with the qapi4j client's: it reads one command
a line on stdin and answers each with one line on stdout (JSON). The client is qemu.qmp's asyncio
QMPClient, as its users drive it:

  connect PATH          connect to a QMP unix socket (greeting, qmp_capabilities); not timed
  seq SECONDS           `await qmp.execute('query-status')`, one at a time, for SECONDS;
                        answers {"calls": N, "seconds": S}
  pipe N SECONDS        `await asyncio.gather(*[qmp.execute('query-status')] * N)`, repeated for
                        SECONDS; answers {"calls": ..., "seconds": ...}
  disconnect            close the connection
  quit

qemu.qmp is not part of the project: run with PYTHONPATH naming QEMU's python/ directory
(~/.cache/qapi4j/qemu-7.2/python, which `bash .ci/peers` fetches).
"""

import asyncio
import json
import sys
import time

from qemu.qmp import QMPClient


async def sequential(qmp, seconds):
    calls = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(100):
            await qmp.execute('query-status')
        calls += 100
        now = time.perf_counter()
        if now >= deadline:
            return calls, now - start


async def pipelined(qmp, n, seconds):
    calls = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        replies = await asyncio.gather(*[qmp.execute('query-status') for _ in range(n)])
        if len(replies) != n or 'status' not in replies[-1]:
            raise RuntimeError(f'unexpected replies: {replies[-1]!r}')
        calls += n
        now = time.perf_counter()
        if now >= deadline:
            return calls, now - start


def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    qmp = None
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        cmd = words[0]
        answer = {}
        if cmd == 'connect':
            qmp = QMPClient('bench')
            loop.run_until_complete(qmp.connect(words[1]))
        elif cmd == 'seq':
            calls, secs = loop.run_until_complete(sequential(qmp, float(words[1])))
            answer = {'calls': calls, 'seconds': secs}
        elif cmd == 'pipe':
            calls, secs = loop.run_until_complete(pipelined(qmp, int(words[1]), float(words[2])))
            answer = {'calls': calls, 'seconds': secs}
        elif cmd == 'disconnect':
            loop.run_until_complete(qmp.disconnect())
            qmp = None
        elif cmd == 'quit':
            print('{}', flush=True)
            break
        else:
            raise ValueError(f'unknown command {line!r}')
        print(json.dumps(answer), flush=True)
    if qmp is not None:
        loop.run_until_complete(qmp.disconnect())
    loop.close()


if __name__ == '__main__':
    main()
