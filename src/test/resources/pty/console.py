#!/usr/bin/env python3
"""Runs a program on a pseudo-terminal as a person at a terminal would, and says what was left.

Usage: console.py STEPS_JSON COMMAND [ARG...]

STEPS_JSON is a list of steps:
  ["await", REGEX]   wait (at most 30 s) until REGEX matches what the program wrote after what the
                     last await matched (escape sequences removed)
  ["type", TEXT]     type TEXT ("\\r" is Enter, "\\u0004" Ctrl-D)
  ["signal", NAME]   send the signal (TERM, HUP...) to the program
  ["start", COMMAND] start COMMAND (split as a shell would) beside the program, in its directory:
                     a peer; its output is printed at the end, a line "started-said: LINE" each
The program is then awaited (at most 30 s; killed after that). The driver prints, one per line:
  stty-before: / stty-after:  `stty -a` of the terminal before the program started and after it ended
  status: N                   the program's exit status (negative: killed by that signal)
  modes: ...                  the terminal modes the program left set (cursor-keys, keypad)
  row: TEXT                   each row of the screen as a terminal would show it, top to bottom
  cursor: ROW COL             where the cursor was left
  escapes: [...]              each escape sequence the program wrote, once, as a JSON list
"""
import fcntl
import json
import os
import re
import select
import shlex
import signal
import struct
import subprocess
import sys
import termios
import time

ROWS, COLS = 24, 100
LIMIT = 30.0
ESCAPES = re.compile(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78]|\][^\x07]*\x07)")


class Screen:
    """Enough of a VT100 for a line editor: printing, wrapping, cursor moves, erasing, modes."""

    def __init__(self):
        self.rows = [[" "] * COLS for _ in range(ROWS)]
        self.row = self.col = 0
        self.cursor_keys_app = False
        self.keypad_app = False
        self.pending = b""

    def feed(self, data):
        data = self.pending + data
        self.pending = b""
        text = data.decode("utf-8", "replace")
        i = 0
        while i < len(text):
            c = text[i]
            if c == "\x1b":
                m = re.match(r"\x1b(\[([0-9;?]*)([ -/]*)([@-~])|[()][0-9A-Za-z]|[=>78])", text[i:])
                if not m:
                    self.pending = text[i:].encode()
                    return
                self.escape(m)
                i += len(m.group(0))
                continue
            if c == "\r":
                self.col = 0
            elif c == "\n":
                self.line_feed()
            elif c == "\b":
                self.col = max(0, self.col - 1)
            elif c == "\x07":
                pass
            elif c == "\t":
                self.col = min(COLS - 1, (self.col // 8 + 1) * 8)
            elif c >= " ":
                if self.col >= COLS:
                    self.col = 0
                    self.line_feed()
                self.rows[self.row][self.col] = c
                self.col += 1
            i += 1

    def line_feed(self):
        if self.row == ROWS - 1:
            self.rows.pop(0)
            self.rows.append([" "] * COLS)
        else:
            self.row += 1

    def escape(self, m):
        whole = m.group(0)
        if whole == "\x1b=":
            self.keypad_app = True
        elif whole == "\x1b>":
            self.keypad_app = False
        if not whole.startswith("\x1b["):
            return
        params, final = m.group(2), m.group(4)
        if params.startswith("?"):
            if "1" in params[1:].split(";") and final in "hl":
                self.cursor_keys_app = final == "h"
            return
        args = [int(a) if a else 0 for a in params.split(";")] if params else []
        n = args[0] if args and args[0] else 1
        line = self.rows[self.row]
        if final == "A":
            self.row = max(0, self.row - n)
        elif final == "B":
            self.row = min(ROWS - 1, self.row + n)
        elif final == "C":
            self.col = min(COLS - 1, self.col + n)
        elif final == "D":
            self.col = max(0, min(self.col, COLS - 1) - n)
        elif final == "G":
            self.col = n - 1
        elif final == "H":
            self.row = (args[0] if args and args[0] else 1) - 1
            self.col = (args[1] if len(args) > 1 and args[1] else 1) - 1
        elif final == "K":
            how = args[0] if args else 0
            start, end = {0: (self.col, COLS), 1: (0, self.col + 1), 2: (0, COLS)}[how]
            for c in range(start, min(end, COLS)):
                line[c] = " "
        elif final == "J":
            for c in range(min(self.col, COLS), COLS):
                line[c] = " "
            for r in range(self.row + 1, ROWS):
                self.rows[r] = [" "] * COLS
        elif final == "P":
            del line[self.col:self.col + n]
            line.extend([" "] * (COLS - len(line)))
        elif final == "@":
            line[self.col:self.col] = [" "] * n
            del line[COLS:]

    def text(self):
        return ["".join(r).rstrip() for r in self.rows]


def stty(fd):
    out = subprocess.run(["stty", "-a"], stdin=fd, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def main():
    steps = json.loads(sys.argv[1])
    argv = sys.argv[2:]
    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    before = stty(slave)

    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = dict(os.environ)
    env.setdefault("TERM", "xterm-256color")
    child = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, preexec_fn=child_setup, env=env)
    screen = Screen()
    seen = b""
    mark = 0

    def pump(timeout):
        nonlocal seen
        ready, _, _ = select.select([master], [], [], timeout)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return False
            seen += chunk
            screen.feed(chunk)
            if b"\x1b[6n" in chunk:
                os.write(master, b"\x1b[1;1R")
        return True

    started = []
    for step in steps:
        kind, arg = step[0], step[1]
        if kind == "await":
            pattern = re.compile(arg)
            deadline = time.monotonic() + LIMIT
            while True:
                plain = ESCAPES.sub(b"", seen).decode("utf-8", "replace")
                found = pattern.search(plain, mark)
                if found:
                    mark = found.end()  # the next await looks at what follows
                    break
                left = deadline - time.monotonic()
                if left <= 0 or child.poll() is not None and not pump(0):
                    print("never-shown: %s in %r" % (arg, plain[mark:][-300:]))
                    break
                pump(min(left, 0.5))
        elif kind == "type":
            os.write(master, arg.encode("utf-8"))
        elif kind == "signal":
            child.send_signal(getattr(signal, "SIG" + arg))
        elif kind == "start":
            started.append(subprocess.Popen(shlex.split(arg), stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))
    deadline = time.monotonic() + LIMIT
    while child.poll() is None and time.monotonic() < deadline:
        pump(0.2)
    if child.poll() is None:
        child.kill()
    status = child.wait()
    while pump(0.05):
        ready, _, _ = select.select([master], [], [], 0)
        if not ready:
            break
    after = stty(slave)
    print("stty-before: " + before)
    print("stty-after: " + after)
    print("status: %d" % status)
    print("modes: cursor-keys=%s keypad=%s" % (
        "application" if screen.cursor_keys_app else "normal",
        "application" if screen.keypad_app else "normal"))
    for row in screen.text():
        print("row: " + row)
    print("cursor: %d %d" % (screen.row, screen.col))
    print("escapes: " + json.dumps(sorted({m.group(0).decode("latin-1") for m in ESCAPES.finditer(seen)})))
    for peer in started:
        said, _ = peer.communicate(timeout=LIMIT)
        for line in said.decode("utf-8", "replace").splitlines():
            print("started-said: " + line)
    os.close(master)
    os.close(slave)


if __name__ == "__main__":
    main()
