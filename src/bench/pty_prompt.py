#!/usr/bin/env python3
"""Times how long a program takes to show its prompt in a pseudo-terminal.

Usage: pty_prompt.py RUNS PROMPT_REGEX COMMAND [ARG...]
Prints one line per run: the seconds from spawn until PROMPT_REGEX appeared on the terminal.
The program is then sent Ctrl-D (EOF at a prompt) and reaped; it is killed if it lingers.
A cursor-position query (ESC[6n) is answered as a terminal would, so a line editor that asks
does not wait for a timeout.
"""
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import fcntl
import time


def one_run(prompt, argv, limit=60.0):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.setdefault("TERM", "xterm-256color")
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))
    start = time.monotonic()
    seen = b""
    try:
        while True:
            left = limit - (time.monotonic() - start)
            if left <= 0:
                raise TimeoutError(f"no prompt after {limit}s; saw {seen[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"program ended before its prompt; saw {seen[-300:]!r}")
            if not chunk:
                raise RuntimeError(f"program ended before its prompt; saw {seen[-300:]!r}")
            seen += chunk
            if b"\x1b[6n" in chunk:
                os.write(fd, b"\x1b[1;1R")
            plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen)
            if prompt.search(plain):
                return time.monotonic() - start
    finally:
        try:
            os.write(fd, b"\x04")
        except OSError:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def first_command(prompt, argv, line, limit=60.0):
    """Seconds from typing LINE and Enter at the first prompt until the next prompt shows."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.setdefault("TERM", "xterm-256color")
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))
    try:
        _until(fd, prompt, b"", limit)
        time.sleep(0.5)  # a person reads the prompt before typing
        _drain(fd)
        os.write(fd, line.encode() + b"\r")
        start = time.monotonic()
        _until(fd, prompt, b"", limit, after=line.encode())
        return time.monotonic() - start
    finally:
        os.write(fd, b"\x04")
        _reap(pid, fd)


def _drain(fd):
    while select.select([fd], [], [], 0.05)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def _until(fd, prompt, seen, limit, after=None):
    """Reads until PROMPT shows (after the text AFTER, if given), answering cursor queries."""
    start = time.monotonic()
    while True:
        left = limit - (time.monotonic() - start)
        if left <= 0:
            raise TimeoutError(f"no prompt after {limit}s; saw {seen[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            raise RuntimeError(f"program ended before its prompt; saw {seen[-300:]!r}")
        seen += chunk
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")
        plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]", b"", seen)
        if after is not None:
            at = plain.find(after)
            if at < 0:
                continue
            plain = plain[at + len(after):]
        if prompt.search(plain):
            return seen


def _reap(pid, fd):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        _drain(fd)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


def first_command_times(runs, prompt, argv, line):
    """Seconds for the first command, one per run (after an untimed run)."""
    pattern = re.compile(prompt.encode(), re.M)
    first_command(pattern, argv, line)
    return [first_command(pattern, argv, line) for _ in range(runs)]


def times(runs, prompt, argv):
    """Seconds to the prompt, one per run (a first, untimed run warms the disk cache)."""
    pattern = re.compile(prompt.encode())
    one_run(pattern, argv)
    return [one_run(pattern, argv) for _ in range(runs)]


def main():
    for t in times(int(sys.argv[1]), sys.argv[2], sys.argv[3:]):
        print(f"{t:.4f}", flush=True)


if __name__ == "__main__":
    main()
