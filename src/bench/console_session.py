"""Drives the sockshell console in a pseudo-terminal, command by command, as a person would."""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")
# JLine turns bracketed paste on (off in older sockshells) each time it starts reading a line:
# that, then the prompt, and nothing after it, is the console waiting for the next command. (A
# script's echoed lines show the prompt text too, but never this.)
READING = re.compile(rb"\x1b\[\?2004[hl](?:\x1b\[[0-9;?]*[A-Za-z])*sockshell> (?:\x1b\[[0-9;?]*[A-Za-z])*$")


class Console:
    def __init__(self, argv, limit=60.0):
        self.argv = argv
        self.limit = limit
        self.pid = None
        self.fd = None

    def __enter__(self):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.setdefault("TERM", "xterm-256color")
            os.execvp(self.argv[0], self.argv)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))
        self._until_prompt(self.limit)
        return self

    def __exit__(self, *exc):
        try:
            os.write(self.fd, b"/exit\r")
        except OSError:
            pass
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            self._drain(0.1)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

    def command(self, line, limit=None):
        """Types LINE and Enter; returns what the console printed (colours removed)."""
        os.write(self.fd, line.encode() + b"\r")
        return ANSI.sub(b"", self._until_prompt(limit or self.limit)).decode(errors="replace")

    def open_fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def rss_mb(self):
        with open(f"/proc/{self.pid}/status") as f:
            kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        return kb / 1024

    def _until_prompt(self, limit):
        seen = bytearray()
        start = time.monotonic()
        while not READING.search(seen[-200:]):
            left = limit - (time.monotonic() - start)
            if left <= 0:
                raise TimeoutError(f"no prompt after {limit}s; saw {bytes(seen[-300:])!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"the console ended; saw {bytes(seen[-300:])!r}")
                seen += chunk
        return bytes(seen)

    def _drain(self, seconds):
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            try:
                os.read(self.fd, 1 << 20)
            except OSError:
                pass
