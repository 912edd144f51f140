"""Times a paste of a long line into a console running in tmux, as a person pastes it."""
import os
import re
import subprocess
import tempfile
import time


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True)


def seconds(argv, prompt, line, done, limit=600.0):
    """Seconds from tmux's paste-buffer of LINE (and Enter) until DONE (a regex) shows.

    The console runs in a 120x40 tmux window; PROMPT (without trailing blanks) shows it is ready.
    """
    session = f"bench-paste-{os.getpid()}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", " ".join(argv))
    try:
        start = time.monotonic()
        while prompt not in tmux("capture-pane", "-p", "-t", session).stdout:
            if time.monotonic() - start > 60:
                raise TimeoutError(f"no prompt from {argv}")
            time.sleep(0.05)
        time.sleep(1)  # the console's warm-up after the prompt is not the paste's
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(line + "\n")
        tmux("load-buffer", "-b", session, f.name)
        os.unlink(f.name)
        pattern = re.compile(done, re.M)
        started = time.monotonic()
        tmux("paste-buffer", "-p", "-b", session, "-t", session)
        while not pattern.search(tmux("capture-pane", "-p", "-t", session, "-S", "-300").stdout):
            if time.monotonic() - started > limit:
                raise TimeoutError(f"the paste into {argv} did not finish in {limit} s")
            time.sleep(0.02)
        return time.monotonic() - started
    finally:
        tmux("send-keys", "-t", session, "C-d")
        time.sleep(0.5)
        tmux("kill-session", "-t", session)
