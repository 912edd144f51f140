"""Issue 11's rows of the benchmark: sockshell's background work against what people use instead.

  echo     serve --echo: 50 clients x 2,000 round trips of 64 bytes, against a Python asyncio
           echo server (start_server, read/write/drain) with the same clients
  cps      connections per second (connect, one line, read it back, close), against
           `ncat -k -l --max-conns 1000 --exec /bin/cat` and
           `socat TCP-LISTEN:P,fork,reuseaddr EXEC:cat`
  relay    relay of 1 GiB between two loopback connections, against socat -b 131072
  clients  1,000 concurrent echo clients: all answered, resident memory, descriptors after stop

The load comes from netload.c (one epoll loop in C, built here with gcc), so the client's own
speed does not hide the servers'; the echo row also times netload's own C echo server, the floor
any server has on this kernel. Each row also says the CPU time each server took per connection,
round trip or GiB (user + system, its children included: ncat and socat fork per connection), which
holds on a loaded machine where the rates do not; the verdicts are on the rates, as the targets
say. bench.py calls these with itself as `b` (record, skip, say,
RUNS, PYTHON, SOCKSHELL, WORK).
"""
import os
import re
import shutil
import socket
import statistics
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

RTT_CLIENTS, RTT_ROUNDS, RTT_SIZE = 50, 2000, 64
CPS_CONCURRENCY, CPS_TOTAL = 50, 5000
# ncat and socat fork (and exec cat) per connection: a few hundred a second here, so 5,000 a run
# took minutes per run and the row did not finish. A rate needs fewer: each gets a fixed 500.
CPS_FORKING_TOTAL = 500
CPS_FALLBACK_CONCURRENCY = 8  # within ncat's listen backlog of 10
RELAY_BYTES = 1 << 30
HOLD_CLIENTS = 1000

PY_ECHO = """
import asyncio
async def echo(r, w):
    while True:
        data = await r.read(65536)
        if not data:
            break
        w.write(data)
        await w.drain()
    w.close()
async def main():
    srv = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=1024)
    print(srv.sockets[0].getsockname()[1], flush=True)
    await srv.serve_forever()
asyncio.run(main())
"""


def netload(b):
    """The load client, compiled once per run; None (with the reason said) without gcc."""
    exe = b.WORK / "netload"
    if not exe.exists():
        if not shutil.which("gcc"):
            return None
        subprocess.run(
            ["gcc", "-O2", "-o", str(exe), str(HERE / "netload.c")], check=True, stdout=b.sys.stderr
        )
    return str(exe)


def run_netload(exe, *args, stdin=None):
    """netload's result line as a dict of numbers (round_trips, per_second, seconds…)."""
    out = subprocess.run(
        [exe] + [str(a) for a in args], capture_output=True, text=True, input=stdin, timeout=600
    )
    if out.returncode != 0:
        raise SystemExit(f"netload {' '.join(map(str, args))} failed: {out.stderr.strip()}")
    words = out.stdout.split()
    return {words[i]: float(words[i + 1]) for i in range(0, len(words) - 1, 2)}


class Session:
    """A sockshell process fed line by line on stdin (a script answered line by line)."""

    def __init__(self, b):
        self.p = subprocess.Popen(
            b.SOCKSHELL, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )

    def send(self, lines):
        self.p.stdin.write(lines)
        self.p.stdin.flush()

    def expect(self, regex, limit=120):
        """The first group of the next output line matching regex."""
        deadline = time.monotonic() + limit
        seen = []
        while time.monotonic() < deadline:
            line = self.p.stdout.readline()
            if not line:
                break
            seen.append(line)
            m = re.search(regex, line)
            if m:
                return m.group(1) if m.groups() else line
        raise SystemExit(f"sockshell never printed /{regex}/; it said:\n{''.join(seen[-20:])}")

    def listening(self, name, backlog=1024):
        self.send(f"socket {name}\nbind {name} 127.0.0.1:0\nlisten {name} {backlog}\n")
        return int(self.expect(rf"{name} bound to \('127.0.0.1', (\d+)\)"))

    def status(self, key):
        for line in Path(f"/proc/{self.p.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        return 0

    def fds(self):
        return len(os.listdir(f"/proc/{self.p.pid}/fd"))

    def close(self):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.p.kill()


class Program:
    """A comparison server (Python, ncat, socat) on a port, killed at the end."""

    def __init__(self, argv, port=None):
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self.port = port if port is not None else int(self.p.stdout.readline())
        wait_listening(self.port)

    def close(self):
        self.p.kill()
        self.p.wait()


def wait_listening(port, limit=10):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing listens on port {port} after {limit} s")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """CPU time of pid and of its children, reaped (cutime) or alive, in seconds."""
    # A forked child can end between the listing and the read: ENOENT, or ESRCH mid-read.
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    total = sum(int(x) for x in fields[11:15]) / CLOCK_TICKS  # utime stime cutime cstime
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        children = []
    return total + sum(cpu_seconds(int(c)) for c in children)


def micros(seconds):
    return f"{seconds * 1e6:,.0f} µs" if seconds >= 1e-5 else f"{seconds * 1e6:.1f} µs"


def serving(b, how="--echo"):
    s = Session(b)
    port = s.listening("srv")
    s.send(f"/set events off\nserve srv {how}\n")
    s.expect(r"(srv is served in the background)")
    return s, port


def rates(exe, runs, pid, *args):
    """Medians of the rate and of the server's CPU seconds per unit (round trip, connection)."""
    return interleaved(exe, runs, [(pid, args)])[0]


def interleaved(exe, runs, servers):
    """rates() of several servers, (pid, netload args) each, run in turn within each round: a
    load that comes and goes on the machine then falls on all of them alike, not on one."""
    for _, args in servers:
        run_netload(exe, *args)  # warm-up: the JIT, the kernel's caches
    per_second = [[] for _ in servers]
    cpu = [[] for _ in servers]
    for _ in range(runs):
        for i, (pid, args) in enumerate(servers):
            before = cpu_seconds(pid)
            result = run_netload(exe, *args)
            units = result.get("round_trips", result.get("connections"))
            cpu[i].append((cpu_seconds(pid) - before) / units)
            per_second[i].append(result["per_second"])
    return [(statistics.median(r), statistics.median(c)) for r, c in zip(per_second, cpu)]


def row_echo(b):
    measure = f"serve --echo, {RTT_CLIENTS} clients x {RTT_ROUNDS:,} round trips of {RTT_SIZE} B"
    exe = netload(b)
    if not exe:
        return b.skip(measure, "gcc is missing, so the load client cannot be built")
    b.say("echo: serve --echo against a Python asyncio echo server and the C floor, same C "
          "clients, in turn")
    load = ("rtt", RTT_CLIENTS, RTT_ROUNDS, RTT_SIZE)
    s, port = serving(b)
    py = floor = None
    try:
        py = Program([b.PYTHON, "-c", PY_ECHO])
        # The floor: netload's own epoll echo server in C, a read and a write per round trip
        # and nothing else. No server does less on this kernel; its ratio says how far 2x is.
        floor = Program([exe, "echo"])
        (ours, our_cpu), (theirs, their_cpu), (least, least_cpu) = interleaved(
            exe, b.RUNS, [(p.p.pid, (load[0], p_port) + load[1:])
                          for p, p_port in ((s, port), (py, py.port), (floor, floor.port))])
    finally:
        s.close()
        for p in (py, floor):
            if p:
                p.close()
    ratio = ours / theirs
    b.record(measure, f"{ours:,.0f} round trips/s (CPU {micros(our_cpu)} each)",
             f"asyncio {theirs:,.0f}/s (CPU {micros(their_cpu)} each); the floor, a C epoll "
             f"echo server, {least:,.0f}/s = {least / theirs:.2f}x asyncio "
             f"(CPU {micros(least_cpu)} each)",
             f"{ratio:.2f}x asyncio (CPU {our_cpu / their_cpu:.2f}x asyncio's)", ">= 2x", ratio >= 2)


def row_cps(b):
    measure = (f"connections per second ({CPS_TOTAL:,} to sockshell, {CPS_FORKING_TOTAL} to ncat "
               f"and socat, {CPS_CONCURRENCY} at a time)")
    exe = netload(b)
    missing = [t for t in ("ncat", "socat") if not shutil.which(t)]
    if not exe or missing:
        return b.skip(measure, "missing " + ", ".join(missing or ["gcc"]))
    b.say("cps: serve --echo against ncat --exec /bin/cat and socat fork EXEC:cat")
    s, port = serving(b)
    try:
        ours, our_cpu = rates(exe, b.RUNS, s.p.pid, "cps", port, CPS_CONCURRENCY, CPS_TOTAL)
    finally:
        s.close()
    found, notes = {}, {}
    for name, argv in (
        # --max-conns 1000: ncat's default of 100 counts a connection until its cat has exited
        # and been reaped, which lags behind 50 clients at once; past it ncat closes new ones
        # unanswered, and the run fails instead of measuring.
        ("ncat", lambda p: ["ncat", "-k", "-l", "127.0.0.1", str(p), "--max-conns", "1000",
                            "--exec", "/bin/cat"]),
        ("socat", lambda p: ["socat", f"TCP-LISTEN:{p},fork,reuseaddr,bind=127.0.0.1,backlog=1024",
                             "EXEC:cat"]),
    ):
        port = free_port()
        prog = Program(argv(port), port=port)
        try:
            found[name] = rates(exe, b.RUNS, prog.p.pid, "cps", port, CPS_CONCURRENCY,
                                CPS_FORKING_TOTAL)
            notes[name] = ""
        except SystemExit as e:
            # A forking server can fail 50 clients at once on a loaded machine: ncat listens with
            # a backlog of 10 whatever it is told, and a handshake dropped when it overflowed can
            # wait a minute of retransmissions; socat's child once closed a connection unanswered.
            # Then it gets its best case instead, fewer clients at once: a harder comparison.
            b.say(f"cps: {name} failed {CPS_CONCURRENCY} at a time ({e}); again with "
                  f"{CPS_FALLBACK_CONCURRENCY}")
            try:
                found[name] = rates(exe, b.RUNS, prog.p.pid, "cps", port,
                                    CPS_FALLBACK_CONCURRENCY, CPS_FORKING_TOTAL)
                notes[name] = f"; {CPS_FALLBACK_CONCURRENCY} at a time, {CPS_CONCURRENCY} failed"
            except SystemExit as again:
                b.say(f"cps: {name} failed again: {again}")
                found[name] = None
        finally:
            prog.close()
    theirs, ratios, met = [], [], True
    for name in ("ncat", "socat"):
        if found[name] is None:
            theirs.append(f"{name} failed the load")
            continue
        rate, cpu = found[name]
        theirs.append(f"{name} {rate:,.0f}/s (CPU {micros(cpu)} each{notes[name]})")
        ratios.append(f"{ours / rate:.1f}x {name} (CPU {our_cpu / cpu:.3f}x {name}'s)")
        met = met and ours >= 5 * rate
    b.record(measure, f"{ours:,.0f} conn/s (CPU {micros(our_cpu)} each)", ", ".join(theirs),
             ", ".join(ratios) or "-", ">= 5x ncat, >= 5x socat", met)


def relay_once(exe, through):
    """Seconds the sink took for RELAY_BYTES sent through `through(sink_port)` -> front port."""
    sink = subprocess.Popen([exe, "sink"], stdout=subprocess.PIPE, text=True)
    try:
        sink_port = int(sink.stdout.readline().split()[1])
        front = through(sink_port)
        source = subprocess.Popen([exe, "source", str(front), str(RELAY_BYTES)],
                                  stdout=subprocess.PIPE, text=True)
        result = sink.stdout.readline().split()
        source.wait(timeout=600)
        if int(result[1]) != RELAY_BYTES:
            raise SystemExit(f"relay: the sink received {result[1]} of {RELAY_BYTES} bytes")
        return float(result[3])
    finally:
        sink.kill()
        sink.wait()


def row_relay(b):
    measure = "relay of 1 GiB between two loopback connections"
    exe = netload(b)
    if not exe or not shutil.which("socat"):
        return b.skip(measure, "missing " + ("gcc" if not exe else "socat"))
    b.say("relay: relay c up against socat -b 131072, the same C source and sink")
    s = Session(b)
    front = s.listening("front")
    s.send("/set events off\n")
    counter = [0]

    def through_sockshell(sink_port):
        counter[0] += 1
        n = counter[0]
        # accept waits for the source, which starts once this returns: send it all at once.
        s.send(f"accept front c{n}\nsocket u{n}\nconnect u{n} 127.0.0.1:{sink_port}\n"
               f"relay c{n} u{n}\nwait\n")
        return front

    def ours_once():
        before = cpu_seconds(s.p.pid)
        seconds = relay_once(exe, through_sockshell)
        s.expect(r"(no background work left)", limit=600)
        return seconds, cpu_seconds(s.p.pid) - before

    def through_socat(sink_port):
        port = free_port()
        through_socat.prog = subprocess.Popen(
            ["socat", "-b", "131072", f"TCP-LISTEN:{port},reuseaddr,bind=127.0.0.1",
             f"TCP:127.0.0.1:{sink_port}"])
        wait_for_listen(port)
        return port

    def socat_once():
        try:
            seconds = relay_once(exe, through_socat)
        except BaseException:
            through_socat.prog.kill()
            through_socat.prog.wait()
            raise
        prog = through_socat.prog
        _, status, usage = os.wait4(prog.pid, 0)  # socat ends with the transfer
        prog.returncode = status
        return seconds, usage.ru_utime + usage.ru_stime

    # In turn within each round, as the echo row: a load that comes and goes falls on both alike.
    try:
        ours_once()
        mine, socats = [], []
        for _ in range(b.RUNS):
            mine.append(ours_once())
            socats.append(socat_once())
    finally:
        s.close()
    ours, our_cpu = medians(mine)
    theirs, their_cpu = medians(socats)
    gib = RELAY_BYTES / (1 << 30)
    b.record(measure, f"{b.ms(ours)} ({gib / ours:.2f} GiB/s; CPU {our_cpu:.2f} s)",
             f"socat {b.ms(theirs)} ({gib / theirs:.2f} GiB/s; CPU {their_cpu:.2f} s)",
             f"{theirs / ours:.2f}x socat (CPU {our_cpu / their_cpu:.2f}x socat's)",
             ">= 1x socat", theirs / ours >= 1)


def medians(pairs):
    """The median of each column of a list of pairs."""
    return tuple(statistics.median(column) for column in zip(*pairs))


def wait_for_listen(port, limit=10):
    """Waits until something listens on port, without connecting (socat serves one client)."""
    deadline = time.monotonic() + limit
    hexport = f"{port:04X}"
    while time.monotonic() < deadline:
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[1].endswith(":" + hexport) and fields[3] == "0A":
                return
        time.sleep(0.01)
    raise SystemExit(f"socat did not listen on {port}")


def row_clients(b):
    measure = f"{HOLD_CLIENTS:,} concurrent echo clients"
    exe = netload(b)
    if not exe:
        return b.skip(measure, "gcc is missing, so the load client cannot be built")
    b.say(f"clients: {HOLD_CLIENTS} clients connected at once to one serve --echo")
    s, port = serving(b)
    try:
        # One client first, so what the JDK opens lazily is open before counting.
        run_netload(exe, "hold", port, 1, stdin="")
        s.send("stop srv\n")
        s.expect(r"(srv is no longer served)")
        fds_before = s.fds()
        s.send("serve srv --echo\n")
        s.expect(r"(srv is served in the background)")
        hold = subprocess.Popen([exe, "hold", str(port), str(HOLD_CLIENTS)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        answered = hold.stdout.readline().strip()
        rss = s.status("VmRSS") / 1024
        peak = s.status("VmHWM") / 1024
        hold.stdin.close()
        hold.wait(timeout=60)
        s.send("stop srv\n")
        s.expect(r"(srv is no longer served)")
        fds_after = s.fds()
    finally:
        s.close()
    all_answered = answered == f"answered {HOLD_CLIENTS} of {HOLD_CLIENTS}"
    b.record(measure, f"{answered}; RSS {rss:.0f} MB (peak {peak:.0f})", "-",
             f"fds {fds_before} -> {fds_after} after stop", "all, <= 300 MB, fds back",
             all_answered and peak <= 300 and fds_before == fds_after)


ROWS = {"echo": row_echo, "cps": row_cps, "relay": row_relay, "clients": row_clients}
