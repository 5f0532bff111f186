#!/usr/bin/env python3
"""Start-up, side by side: the time from starting a process to the first line it writes.

For a QMP server that line is its greeting, so this is how long a management tool waits before it
can speak to a VM it has just started: qemu-system-x86_64 -qmp stdio against the sample VM, both as
`java -jar` and through its launcher (sample-vm/target/bin/sample-vm, which maps the class-data
archive the build made), with a plain JVM printing one line as the floor any Java program starts
from. Then the qapi4j command, as `java -jar` and through cli/target/bin/qapi4j, from start to exit,
checking a small schema. The runs of all the contenders are interleaved, round after round, so that
a machine's load falls on all alike; the figures are medians and the ratios are to the plain JVM.

Run from the project root after `mvn -q -DskipTests package`:  python3 bench/startup.py [ROUNDS]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"


def first_line(argv):
    """Seconds from spawning argv to its first line on stdout; then the process is ended."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = p.stdout.readline()
    elapsed = time.perf_counter() - start
    p.kill()
    p.wait()
    if not line:
        sys.exit("no output from " + " ".join(argv))
    return elapsed


def to_exit(argv):
    """Seconds from spawning argv to its exit, which must be 0."""
    start = time.perf_counter()
    rc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
    elapsed = time.perf_counter() - start
    if rc != 0:
        sys.exit("exit status %d from %s" % (rc, " ".join(argv)))
    return elapsed


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    tmp = tempfile.mkdtemp()
    with open(os.path.join(tmp, "Hello.java"), "w") as f:
        f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
    javac = os.path.join(os.path.dirname(JAVA), "javac") if os.sep in JAVA else "javac"
    subprocess.run([javac, "-d", tmp, os.path.join(tmp, "Hello.java")], check=True)

    vm_jar = os.path.join(ROOT, "sample-vm/target/sample-vm.jar")
    cli_jar = os.path.join(ROOT, "cli/target/qapi4j.jar")
    schema = os.path.join(ROOT, "cli/src/launcher/train/schema.json")
    for f in (vm_jar, cli_jar):
        if not os.path.exists(f):
            sys.exit(f + " is missing: run mvn -q -DskipTests package first")
    contenders = [
        ("plain JVM, one line", first_line, [JAVA, "-cp", tmp, "Hello"]),
        ("sample VM, java -jar", first_line, [JAVA, "-jar", vm_jar, "-qmp", "stdio"]),
        ("sample VM, bin/sample-vm", first_line, [os.path.join(ROOT, "sample-vm/target/bin/sample-vm"), "-qmp", "stdio"]),
        ("qapi4j check, java -jar", to_exit, [JAVA, "-jar", cli_jar, "check", schema]),
        ("qapi4j check, bin/qapi4j", to_exit, [os.path.join(ROOT, "cli/target/bin/qapi4j"), "check", schema]),
    ]
    qemu = shutil.which("qemu-system-x86_64")
    if qemu:
        contenders.insert(1, ("QEMU 7.2 -M none", first_line,
                              [qemu, "-M", "none", "-nodefaults", "-display", "none", "-qmp", "stdio"]))
    else:
        print("qemu-system-x86_64 is not here: measuring the rest")
    times = {name: [] for name, _, _ in contenders}
    for name, how, argv in contenders:  # one warm-up round: page cache, not measured
        how(argv)
    for _ in range(rounds):
        for name, how, argv in contenders:
            times[name].append(how(argv))
    floor = statistics.median(times[contenders[0][0]])
    print("%d rounds on %d CPUs; median, and min..max, in ms; ratio of medians to the plain JVM"
          % (rounds, os.cpu_count()))
    for name, how, _ in contenders:
        t = times[name]
        what = "to greeting" if how is first_line else "to exit"
        print("  %-26s %-12s %6.1f  (%5.1f..%6.1f)  %4.2fx" % (
            name, what, 1000 * statistics.median(t), 1000 * min(t), 1000 * max(t), statistics.median(t) / floor))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
