# Runs QEMU's own qmp-shell parser (qemu.qmp.qmp_shell.QMPShell._build_cmd, from QEMU's sources
# on PYTHONPATH) over command lines, without a server: one session per line of standard input, a
# JSON array of command lines; for each command line one output line: the command qmp-shell
# would send as it prints it (json.dumps), "None" when nothing is sent yet, or "ERROR: message".
import json
import sys

from qemu.qmp.qmp_shell import QMPShell, QMPShellError

QMPShell.__del__ = lambda self: None  # it would close a connection never made

for session in sys.stdin:
    shell = QMPShell.__new__(QMPShell)
    shell._transmode = False
    shell._actions = []
    for line in json.loads(session):
        try:
            cmd = shell._build_cmd(line)
            print("None" if cmd is None else json.dumps(cmd))
        except QMPShellError as err:
            print("ERROR: " + str(err))
