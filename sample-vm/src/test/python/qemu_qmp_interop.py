#!/usr/bin/env python3
"""Drives a QMP server with QEMU 7.2's own client library, qemu.qmp.

Usage: qemu_qmp_interop.py SOCKET

The server must be the sample VM started with -test-commands. qemu.qmp must be importable
(PYTHONPATH: python/ of QEMU's sources, which .ci/peers fetches). Checks, with the asyncio client:
negotiation (the client enables 'oob' when the greeting offers it), plain commands, errors as
ExecuteError, exec-oob answered while the main loop is blocked, hundreds of requests in flight
(their replies matched by id), events through listeners (RTC_CHANGE throttled as QEMU does it;
an event reaching two clients alike); then the same server through the
legacy synchronous wrapper, QEMUMonitorProtocol. Prints 'N passed, N failed' last; exits 1 on
any failure.
"""

import asyncio
import sys

from qemu.qmp import EventListener, ExecuteError, QMPClient
from qemu.qmp.legacy import QEMUMonitorProtocol

PASSED = []
FAILED = []


def check(name, ok, detail=''):
    (PASSED if ok else FAILED).append(name)
    print(('ok      ' if ok else 'FAILED  ') + name + ('' if ok else ': ' + str(detail)))


async def asyncio_client(socket):
    qmp = QMPClient('qapi4j-interop')
    await qmp.connect(socket)
    check('greeting offers oob', qmp.greeting.QMP.capabilities == ['oob'], qmp.greeting)
    check('version', qmp.greeting.QMP.version['qemu']['major'] == 7 and qmp.greeting.QMP.version['qemu']['minor'] == 2,
          qmp.greeting)

    status = await qmp.execute('query-status')
    check('query-status', status == {'status': 'running', 'singlestep': False, 'running': True}, status)
    name = await qmp.execute('query-name')
    check('query-name', name == {}, name)

    try:
        await qmp.execute('migrate-pause', oob=True)
        check('migrate-pause fails', False, 'no error')
    except ExecuteError as e:
        check('an error is an ExecuteError with QEMU\'s class and text',
              e.error_class == 'GenericError'
              and str(e) == 'migrate-pause is currently only supported during postcopy-active state', e)
    try:
        await qmp.execute('query-status', oob=True)
        check('exec-oob of an in-band command fails', False, 'no error')
    except ExecuteError as e:
        check('exec-oob of an in-band command fails',
              str(e) == 'The command query-status does not support OOB', e)

    # Out of band while the main loop is blocked: the in-band command cannot complete before
    # the release, which is itself out of band.
    blocked = asyncio.ensure_future(qmp.execute('x-test-block-main-loop'))
    queued = asyncio.ensure_future(qmp.execute('query-name'))
    yank = await asyncio.wait_for(qmp.execute('query-yank', oob=True), 10)
    check('exec-oob answered while the main loop is blocked',
          yank == [{'type': 'chardev', 'id': 'compat_monitor0'}] and not blocked.done() and not queued.done(),
          yank)
    await qmp.execute('x-test-release-main-loop', oob=True)
    await asyncio.wait_for(blocked, 10)
    check('the blocked command completes after the release', await queued == {})

    # Hundreds of requests in flight, their replies matched by id.
    versions = await asyncio.wait_for(asyncio.gather(*(qmp.execute('query-version') for _ in range(500))), 30)
    check('500 requests in flight', len(versions) == 500 and all(v['qemu']['major'] == 7 for v in versions))
    mixed = await asyncio.wait_for(asyncio.gather(
        *(qmp.execute('query-status') if i % 2 else qmp.execute('query-yank', oob=True) for i in range(300))), 30)
    check('300 in-band and out-of-band requests in flight',
          all((m['running'] is True) if i % 2 else (m[0]['type'] == 'chardev') for i, m in enumerate(mixed)))

    # Events through listeners.
    with qmp.listener(('STOP', 'RESUME')) as listener:
        await qmp.execute('stop')
        stop = await asyncio.wait_for(listener.get(), 10)
        await qmp.execute('cont')
        resume = await asyncio.wait_for(listener.get(), 10)
    check('STOP and RESUME through a listener',
          stop['event'] == 'STOP' and resume['event'] == 'RESUME'
          and set(stop['timestamp']) == {'seconds', 'microseconds'}, (stop, resume))
    everything = EventListener()
    with qmp.listen(everything):
        await qmp.execute('balloon', {'value': 100000000})
        change = await asyncio.wait_for(everything.get(), 10)
    check('BALLOON_CHANGE with its data', change['event'] == 'BALLOON_CHANGE'
          and change['data'] == {'actual': 100000000}, change)

    # RTC_CHANGE, throttled: the first at once, the last of the second when it ends.
    with qmp.listener('RTC_CHANGE') as listener:
        for offset in (78, 79, 80):
            await qmp.execute('x-test-set-rtc', {'offset': offset})
        first = await asyncio.wait_for(listener.get(), 10)
        last = await asyncio.wait_for(listener.get(), 10)
    check('RTC_CHANGE throttled: the first and the last',
          first['data'] == {'offset': 78, 'qom-path': '/machine/unattached/device[9]'}
          and last['data'] == {'offset': 80, 'qom-path': '/machine/unattached/device[9]'}, (first, last))

    # A second client gets the same event, timestamp and all.
    other = QMPClient('qapi4j-interop-2')
    await other.connect(socket)
    with qmp.listener('RESET') as mine, other.listener('RESET') as theirs:
        await other.execute('system_reset')
        reset = await asyncio.wait_for(mine.get(), 10)
        same = await asyncio.wait_for(theirs.get(), 10)
    check('RESET reaches both clients alike',
          reset == same and reset['data'] == {'guest': False, 'reason': 'host-qmp-system-reset'}, (reset, same))
    await other.disconnect()

    await qmp.disconnect()


def legacy_client(socket):
    with QEMUMonitorProtocol(socket) as mon:
        greeting = mon.connect(negotiate=True)
        check('legacy: greeting', greeting['QMP']['capabilities'] == ['oob'], greeting)
        check('legacy: cmd', mon.cmd('query-status')['return']['status'] == 'running')
        check('legacy: an error reply', mon.cmd('no-such-command')['error'] == {
            'class': 'CommandNotFound', 'desc': 'The command no-such-command has not been found'})
        mon.command('stop')
        event = mon.pull_event(wait=10.0)
        check('legacy: pull_event', event['event'] == 'STOP', event)
        mon.command('cont')
        events = mon.get_events(wait=10.0)
        check('legacy: get_events', [e['event'] for e in events] == ['RESUME'], events)


def main():
    socket = sys.argv[1]
    asyncio.run(asyncio_client(socket))
    asyncio.set_event_loop(asyncio.new_event_loop())  # the legacy wrapper uses the current loop
    legacy_client(socket)
    print(f'{len(PASSED)} passed, {len(FAILED)} failed')
    sys.exit(1 if FAILED else 0)


if __name__ == '__main__':
    main()
