#!/usr/bin/env python3
"""The benchmark of src/docs/PERFORMANCE.md: every row, against its comparison, in one run.

Run it through src/bench/run.sh, which checks the tools and the build first. Environment:
  BENCH_RUNS   runs per measurement (default 5; medians are reported)
  BENCH_ROWS   comma-separated subset of: prompt,first,script,udp,bulk,paste,sockets, and
               issue 11's echo,cps,relay,clients (serve_rows.py), issue 12's tlsbulk,handshakes
               (tls_rows.py) (default: all)
  PYTHON       the Python to compare against (default: /usr/bin/python3, else python3 on PATH)
  JSHELL       jshell for the prompt row (default: the JDK's, next to `java`)
  SOCKSHELL    how to start sockshell (default: target/sockshell, the launcher, if it exists)
"""
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, str(HERE))
import pty_prompt  # noqa: E402
import console_session  # noqa: E402
import paste  # noqa: E402
import serve_rows  # noqa: E402
import tls_rows  # noqa: E402

ROOT = HERE.parent.parent
JAR = ROOT / "target" / "sockshell.jar"
RUNS = max(5, int(os.environ.get("BENCH_RUNS", "5")))
ROWS = os.environ.get(
    "BENCH_ROWS",
    "prompt,first,script,udp,bulk,paste,sockets,echo,cps,relay,clients,tlsbulk,handshakes",
).split(",")
WORK = Path(tempfile.mkdtemp(prefix="sockshell-bench-"))
LAUNCHER = ROOT / "target" / "sockshell"
if os.environ.get("SOCKSHELL"):
    SOCKSHELL = os.environ["SOCKSHELL"].split()
elif LAUNCHER.exists():
    SOCKSHELL = [str(LAUNCHER)]
else:
    SOCKSHELL = ["java", "-jar", str(JAR)]
PROMPT = r"sockshell> $"

results = []  # (measure, sockshell, comparison, ratio text, target, verdict)


def python_exe():
    if os.environ.get("PYTHON"):
        return os.environ["PYTHON"]
    if Path("/usr/bin/python3").exists():
        return "/usr/bin/python3"
    # python3 on PATH may be a version manager's shim (a shell script): time the interpreter.
    return subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True
    ).stdout.strip()


PYTHON = python_exe()


def jshell_exe():
    if os.environ.get("JSHELL"):
        return os.environ["JSHELL"]
    java = Path(shutil.which("java")).resolve()
    return str(java.parent / "jshell")


def say(text):
    print(text, file=sys.stderr, flush=True)


def ms(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def hyperfine(commands, shell=False, output=None, warmup=1, cpu=False):
    """Median seconds of each command, run RUNS times by hyperfine; with cpu, a pair for each:
    the median and the mean CPU seconds (user + system, its children included), which a loaded
    machine changes far less than the wall clock."""
    export = WORK / "hyperfine.json"
    argv = ["hyperfine", "--style", "none", "--runs", str(RUNS), "--warmup", str(warmup)]
    argv += ["--export-json", str(export)]
    if not shell:
        argv.append("-N")
    if output:
        argv.append(f"--output={output}")
    subprocess.run(argv + commands, check=True, stdout=sys.stderr)
    data = json.loads(export.read_text())
    if cpu:
        return [(r["median"], r["user"] + r["system"]) for r in data["results"]]
    return [r["median"] for r in data["results"]]


def record(measure, ours, theirs, ratio, target, met):
    verdict = "met" if met else "MISSED"
    results.append((measure, ours, theirs, ratio, target, verdict))


def skip(measure, why):
    results.append((measure, "-", "-", "-", "-", "SKIPPED: " + why))
    say(f"skipped {measure}: {why}")


def row_prompt():
    jshell = jshell_exe()
    if not os.access(jshell, os.X_OK):
        return skip("start to interactive prompt (pty)", f"no jshell at {jshell}")
    say("prompt: sockshell, jshell and Python's REPL in a pseudo-terminal, until their prompt shows")
    ours = statistics.median(pty_prompt.times(RUNS, PROMPT, SOCKSHELL))
    theirs = statistics.median(pty_prompt.times(RUNS, r"jshell> $", [jshell]))
    py = statistics.median(pty_prompt.times(RUNS, r">>> $", [PYTHON, "-i", "-q"]))
    record(
        "start to interactive prompt (pty)",
        ms(ours),
        f"jshell {ms(theirs)}, python3 {ms(py)}",
        f"{ours / theirs:.2f}x jshell, {ours / py:.1f}x python",
        "<= 0.125x jshell, <= 5x python",
        ours / theirs <= 0.125 and ours / py <= 5,
    )


def row_first():
    say("first command: typed at the first prompt, until the next prompt, against Python's REPL")
    ours = statistics.median(
        pty_prompt.first_command_times(RUNS, PROMPT, SOCKSHELL, "socket s")
    )
    py = statistics.median(
        pty_prompt.first_command_times(
            RUNS, r">>> $", [PYTHON, "-i", "-q"], "import socket; s = socket.socket()"
        )
    )
    record(
        "first command at the prompt (`socket s`)",
        ms(ours),
        f"python3 `import socket; s = socket.socket()` {ms(py)}",
        f"{ours / py:.1f}x python",
        "<= 100 ms",
        ours <= 0.1,
    )


def row_script():
    script = WORK / "one.socks"
    script.write_text("socket s\n")
    floor = java_floor(script)
    say("script: a one-line script, start to exit, against Python creating a socket")
    ours, theirs, jvm, program = hyperfine(
        [
            " ".join(SOCKSHELL + [str(script)]),
            f"{PYTHON} -c 'import socket; socket.socket()'",
            " ".join(floor),
            " ".join(floor + [str(script)]),
        ],
        warmup=2,
    )
    ratio = ours / theirs
    record(
        "one-line script, start to exit",
        ms(ours),
        f"python3 {ms(theirs)}; the floor of Java (StartFloor.java, the launcher's flags): "
        f"the JVM alone {ms(jvm)} ({jvm / theirs:.2f}x), opening the socket {ms(program)} "
        f"({program / theirs:.2f}x)",
        f"{ratio:.2f}x python",
        "<= 3x",
        ratio <= 3,
    )


# The launcher's JVM flags (src/main/launcher/sockshell), for the Java floor of the script row.
LAUNCHER_FLAGS = [
    "-XX:TieredStopAtLevel=1",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:ArchiveRelocationMode=0",
    "-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider",
    "-Xlog:cds=off",
    "-Xlog:cds+dynamic=off",
]


def java_floor(script):
    """The command that starts StartFloor.java as the launcher starts sockshell: compiled into a
    jar, with a class-data archive made by a run of it (as the launcher's training run makes
    sockshell's)."""
    classes, jar, archive = WORK / "floor", WORK / "floor.jar", WORK / "floor.jsa"
    subprocess.run(["javac", "-d", str(classes), str(HERE / "StartFloor.java")], check=True)
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    subprocess.run(
        ["java", *LAUNCHER_FLAGS, f"-XX:ArchiveClassesAtExit={archive}"]
        + ["-cp", str(jar), "StartFloor", str(script)],
        check=True, capture_output=True,
    )
    return ["java", *LAUNCHER_FLAGS, f"-XX:SharedArchiveFile={archive}", "-cp", str(jar), "StartFloor"]


UDP_ROUNDS = 10_000


def row_udp():
    script = WORK / "udp.socks"
    lines = [
        "socket a AF_INET SOCK_DGRAM",
        "bind a 127.0.0.1:0",
        "socket b AF_INET SOCK_DGRAM",
        "bind b 127.0.0.1:0",
    ]
    lines += [
        "sendto a b'ping' b\nrecvfrom b\nsendto b b'pong' a\nrecvfrom a"
    ] * UDP_ROUNDS
    script.write_text("\n".join(lines) + "\n")
    program = WORK / "udp.py"
    program.write_text(
        "import socket\n"
        "a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(('127.0.0.1', 0))\n"
        "b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.bind(('127.0.0.1', 0))\n"
        "aa, ba = a.getsockname(), b.getsockname()\n"
        f"for _ in range({UDP_ROUNDS}):\n"
        "    print(a.sendto(b'ping', ba))\n"
        "    print(b.recvfrom(1024))\n"
        "    print(b.sendto(b'pong', aa))\n"
        "    print(a.recvfrom(1024))\n"
    )
    say(f"udp: {UDP_ROUNDS * 4} scripted calls (output to a file) against Python printing each")
    out = WORK / "udp.out"
    with open(out, "w") as f:
        subprocess.run(SOCKSHELL + [str(script)], stdout=f, check=True)
    calls = out.read_text().count(" ==> ")
    if calls != UDP_ROUNDS * 4 + 2:
        raise SystemExit(f"udp: expected {UDP_ROUNDS * 4 + 2} results in {out}, found {calls}")
    ours, theirs = hyperfine(
        [" ".join(SOCKSHELL + [str(script)]), f"{PYTHON} {program}"], output=str(out)
    )
    ratio = theirs / ours
    record(
        f"scripted UDP round trips ({UDP_ROUNDS * 4:,} calls)",
        ms(ours),
        f"python3 {ms(theirs)}",
        f"{ratio:.2f}x python's speed",
        ">= 1.0x",
        ratio >= 1.0,
    )


BULK_BYTES = 1 << 30

RECEIVER = """
import socket, sys
srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(8)
print(srv.getsockname()[1], flush=True)
buf = bytearray(1 << 20)
while True:
    conn, _ = srv.accept()
    while conn.recv_into(buf):
        pass
    conn.close()
"""


def sendfile_form(port, small):
    """How this build spells sendfile (FILE or @FILE), or None with the reason."""
    tried = []
    for arg in (str(small), "@" + str(small)):
        run = subprocess.run(
            SOCKSHELL,
            input=f"socket c\nconnect c 127.0.0.1:{port}\nsendfile c {arg}\nclose c\n",
            capture_output=True,
            text=True,
        )
        if run.returncode == 0:
            return arg.startswith("@"), None
        errors = [l for l in run.stdout.splitlines() if "error" in l.lower()]
        tried.append((errors[0] if errors else run.stdout.strip()[-200:] or run.stderr).strip())
        if "unknown command 'sendfile'" in run.stdout:
            return None, "this build has no sendfile command; rerun after merging it"
    return None, "sendfile failed: " + " / ".join(tried)


def row_bulk():
    data = WORK / "1GiB.bin"
    with open(data, "wb") as f:
        chunk = bytes(range(256)) * 4096
        for _ in range(BULK_BYTES // len(chunk)):
            f.write(chunk)
    small = WORK / "small.bin"
    small.write_bytes(b"x" * 1000)
    receiver = subprocess.Popen([PYTHON, "-c", RECEIVER], stdout=subprocess.PIPE, text=True)
    try:
        port = int(receiver.stdout.readline())
        measure = "bulk TCP, 1 GiB over loopback into a recv_into sink"
        sender = WORK / "sendall.py"
        sender.write_text(
            "import socket, sys\n"
            "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
            "with open(sys.argv[2], 'rb') as f:\n"
            "    for chunk in iter(lambda: f.read(65536), b''):\n"
            "        s.sendall(chunk)\n"
            "s.close()\n"
        )
        pysendfile = WORK / "sendfile.py"
        pysendfile.write_text(
            "import socket, sys\n"
            "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
            "with open(sys.argv[2], 'rb') as f:\n"
            "    s.sendfile(f)\n"
            "s.close()\n"
        )
        commands = [
            f"{PYTHON} {sender} {port} {data}",
            f"{PYTHON} {pysendfile} {port} {data}",
            f"ncat --send-only 127.0.0.1 {port} < {data}",
        ]
        with_at, why = sendfile_form(port, small)
        if why:
            say(f"bulk: {why}; timing Python and ncat only")
            py, pysf, nc = hyperfine(commands, shell=True)
            results.append(
                (measure, "-", f"python3 {ms(py)} / {ms(pysf)}, ncat {ms(nc)}", "-",
                 ">= 1x py, >= 2x ncat", "SKIPPED: " + why))
            return
        script = WORK / "bulk.socks"
        script.write_text(
            f"socket c\nconnect c 127.0.0.1:{port}\n"
            f"sendfile c {'@' if with_at else ''}{data}\nclose c\n"
        )
        say("bulk: sendfile from a script, against Python's sendall loop and socket.sendfile, ncat")
        ours, py, pysf, nc = hyperfine(
            [" ".join(SOCKSHELL + [str(script)])] + commands, shell=True
        )
        best = min(py, pysf)
        gib = BULK_BYTES / (1 << 30)
        record(
            measure,
            f"{ms(ours)} ({gib / ours:.2f} GiB/s)",
            f"python3 sendall (64 KiB) {ms(py)}, socket.sendfile {ms(pysf)}; ncat {ms(nc)}",
            f"{best / ours:.2f}x python's faster, {nc / ours:.2f}x ncat",
            ">= 1x py, >= 2x ncat",
            best / ours >= 1.0 and nc / ours >= 2.0,
        )
        bulk_sendall(port, data, commands[:2])
        jdk_ways(port, data)
        bulk_recvfile(data)
    finally:
        receiver.kill()
        receiver.wait()
        data.unlink()


def bulk_sendall(port, data, python_commands):
    """sendall c @FILE (streamed through a 4 MiB buffer) into the same sink, against Python's."""
    script = WORK / "sendall.socks"
    script.write_text(f"socket c\nconnect c 127.0.0.1:{port}\nsendall c @{data}\nclose c\n")
    say("bulk: sendall c @FILE from a script, against Python's sendall loop and socket.sendfile")
    ours, py, pysf = hyperfine([" ".join(SOCKSHELL + [str(script)])] + python_commands, shell=True)
    best = min(py, pysf)
    record(
        "bulk TCP, sendall of a 1 GiB @FILE into a recv_into sink",
        ms(ours),
        f"python3 sendall (64 KiB) {ms(py)}, socket.sendfile {ms(pysf)}",
        f"{best / ours:.2f}x python's faster",
        ">= 1x py",
        best / ours >= 1.0,
    )


SENDER = """
import socket, sys
srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(8)
print(srv.getsockname()[1], flush=True)
while True:
    conn, _ = srv.accept()
    with open(sys.argv[1], 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            conn.sendall(chunk)
    conn.close()
"""


def bulk_recvfile(data):
    """recvfile of 1 GiB from a Python sender into a file, against Python's two receive loops."""
    sender = subprocess.Popen([PYTHON, "-c", SENDER, str(data)], stdout=subprocess.PIPE, text=True)
    out = WORK / "received.bin"
    try:
        port = int(sender.stdout.readline())
        script = WORK / "recvfile.socks"
        script.write_text(f"socket c\nconnect c 127.0.0.1:{port}\nrecvfile c {out}\nclose c\n")
        check = subprocess.run(SOCKSHELL + [str(script)], capture_output=True, text=True)
        if check.returncode != 0 or out.stat().st_size != BULK_BYTES:
            return skip("bulk TCP, recvfile of 1 GiB", "recvfile failed: " + check.stdout[-200:])
        receivers = {}
        for name, loop in (
            ("recv", "for chunk in iter(lambda: s.recv(65536), b''):\n        f.write(chunk)\n"),
            (
                "recv_into",
                "buf = bytearray(1 << 20); view = memoryview(buf)\n"
                "    while (n := s.recv_into(buf)):\n        f.write(view[:n])\n",
            ),
        ):
            program = WORK / f"{name}.py"
            program.write_text(
                "import socket, sys\n"
                "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
                "with open(sys.argv[2], 'wb') as f:\n"
                f"    {loop}"
                "s.close()\n"
            )
            receivers[name] = f"{PYTHON} {program} {port} {out}"
        say("bulk: recvfile into a file, against Python's recv (64 KiB) and recv_into (1 MiB) loops")
        ours, py, pyinto = hyperfine(
            [" ".join(SOCKSHELL + [str(script)])] + list(receivers.values()), shell=True
        )
        best = min(py, pyinto)
        record(
            "bulk TCP, recvfile of 1 GiB from a sendall loop",
            ms(ours),
            f"python3 recv+write (64 KiB) {ms(py)}, recv_into+write (1 MiB) {ms(pyinto)}",
            f"{best / ours:.2f}x python's faster",
            ">= 1x py",
            best / ours >= 1.0,
        )
    finally:
        sender.kill()
        sender.wait()
        out.unlink(missing_ok=True)


def jdk_ways(port, data):
    """The JDK's two ways in one process (BulkWays.java): what FileTransfer.Way chooses between."""
    program = HERE / "BulkWays.java"
    ways = [("transferTo", 0), ("copy", 64 << 10), ("copy", 1 << 20), ("copy", 4 << 20)]
    say("bulk: the JDK's ways in one process: transferTo (sendfile(2)) and a direct-buffer loop")
    timings = {w: [] for w in ways}
    for _ in range(RUNS):
        for way, size in ways:
            run = subprocess.run(
                ["java", str(program), way, str(size), str(data), str(port)],
                capture_output=True, text=True, check=True,
            )
            timings[(way, size)].append(float(run.stdout.strip()))
    cells = []
    for (way, size), t in timings.items():
        label = way if way == "transferTo" else f"copy {size >> 10} KiB"
        cells.append(f"{label} {ms(statistics.median(t))}")
    results.append(
        ("the JDK's ways, 1 GiB in one process", ", ".join(cells), "-", "-", "-", "measured")
    )


PASTE_CHARS = 10_000


def row_paste():
    if not shutil.which("tmux"):
        return skip("paste of a long line (tmux)", "no tmux")
    say(f"paste: a {PASTE_CHARS:,}-character line pasted in tmux, against Python's REPL")
    x = "x" * PASTE_CHARS
    ours = statistics.median(
        paste.seconds(SOCKSHELL, "sockshell>", f"send nosuch '{x}'", r"^usage: send NAME DATA")
        for _ in range(RUNS)
    )
    py = statistics.median(
        paste.seconds([PYTHON, "-q"], ">>>", f"len('{x}')", rf"^{PASTE_CHARS}$")
        for _ in range(RUNS)
    )
    record(
        f"paste of a {PASTE_CHARS:,}-character line (tmux)",
        ms(ours),
        f"python3 REPL {ms(py)}",
        f"{ours / py:.2f}x python's time",
        "<= 1x",
        ours <= py,
    )


PAIRS = 5_000


def row_sockets():
    warm = WORK / "warm.socks"
    # Opens what the JDK keeps for the whole run (the selector, NIO's close helper) before the
    # descriptors are counted, so the count compares sockets only.
    warm.write_text(
        "socket w\nbind w 127.0.0.1:0\nlisten w\nsocket x\nconnect x w\naccept w y\n"
        "close x\nclose y\nclose w\n"
    )
    setup = WORK / "setup.socks"
    lines = ["socket srv", "bind srv 127.0.0.1:0", f"listen srv {PAIRS}"]
    for i in range(1, PAIRS + 1):
        lines += [f"socket c{i}", f"connect c{i} srv", f"accept srv s{i}"]
    setup.write_text("\n".join(lines) + "\n")
    close_all = WORK / "close.socks"
    close_all.write_text(
        "close srv\n" + "".join(f"close c{i}\nclose s{i}\n" for i in range(1, PAIRS + 1))
    )
    say(f"sockets: {PAIRS:,} connections and their {PAIRS:,} clients in one console session")
    with console_session.Console(SOCKSHELL) as c:
        c.command(f"/open {warm}")
        fds_before = c.open_fds()
        c.command(f"/open {setup}", limit=600)
        listed = []
        timings = []
        for _ in range(RUNS):
            started = time.monotonic()
            out = c.command("/list", limit=120)
            timings.append(time.monotonic() - started)
            listed.append(len(re.findall(r"^[cs]\d+ +AF_INET +SOCK_STREAM +connected", out, re.M)))
        rss = c.rss_mb()
        has_reset = not re.search(r"no command called|unknown command", c.command("/help /reset"))
        how = "/reset"
        if has_reset:
            c.command("/reset", limit=120)
        else:
            how = "a script closing each socket (this build has no /reset)"
            c.command(f"/open {close_all}", limit=600)
        fds_after = c.open_fds()
    list_time = statistics.median(timings)
    all_listed = all(n == 2 * PAIRS for n in listed)
    released = fds_after == fds_before
    say(f"sockets: listed {listed}, fds {fds_before} -> {fds_after} after {how}")
    record(
        f"{2 * PAIRS:,} sockets in one session",
        f"/list {ms(list_time)}, RSS {rss:.0f} MB",
        "-",
        f"{min(listed):,} listed; fds {fds_before} -> {fds_after} ({how.split(' (')[0]})",
        "< 1 s, <= 300 MB, fds back",
        all_listed and list_time < 1 and rss <= 300 and released,
    )


def main():
    if not JAR.exists():
        raise SystemExit(f"{JAR} is missing: build it first (mvn -q -DskipTests package)")
    say(f"sockshell: {' '.join(SOCKSHELL)}; python: {PYTHON}; runs per measurement: {RUNS}")
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    rows = {
        "prompt": row_prompt,
        "first": row_first,
        "script": row_script,
        "udp": row_udp,
        "bulk": row_bulk,
        "paste": row_paste,
        "sockets": row_sockets,
    }
    this = sys.modules[__name__]
    for name, row in {**serve_rows.ROWS, **tls_rows.ROWS}.items():
        rows[name] = lambda row=row: row(this)
    try:
        for name in ROWS:
            rows[name.strip()]()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    jdk = java.splitlines()[1] if len(java.splitlines()) > 1 else java.strip()
    py = subprocess.run([PYTHON, "--version"], capture_output=True, text=True).stdout.strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\nsockshell benchmark, {time.strftime('%Y-%m-%d %H:%M %Z')}, commit {commit},"
        f" {' '.join(SOCKSHELL)}, {os.uname().nodename}, {os.cpu_count()} cores,"
        f" {jdk}, {py}; medians of {RUNS} runs; load average at the end {load}\n"
    )
    header = ("measure", "sockshell", "comparison", "ratio", "target", "result")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in results:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
