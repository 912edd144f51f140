#!/usr/bin/env bash
# The performance benchmark of src/docs/PERFORMANCE.md: every row, side by side with what people
# use instead (jshell, Python's REPL and socket module as /usr/bin/python3, ncat), medians of
# BENCH_RUNS (>= 5) runs, and the ratio per row, all in one run.
#
#   mvn -q -DskipTests package && src/bench/run.sh
#
# It builds nothing: it times the launcher target/sockshell as it is (SOCKSHELL="java -jar
# target/sockshell.jar" times the jar without it). Missing Debian tools (hyperfine, ncat, tmux,
# socat, gcc) are installed with apt-get when run as root. It raises the open-file limit to 65536
# for the ten-thousand-socket row when the hard limit allows.
# BENCH_ROWS=prompt,first,script,udp,bulk,paste,sockets (and issue 11's echo,cps,relay,clients:
# serve_rows.py, whose C load client netload.c it builds with gcc; issue 12's tlsbulk,handshakes:
# tls_rows.py, against Python's ssl and openssl) picks rows; PYTHON and JSHELL
# choose the comparisons (see bench.py). Needs ~1.1 GiB in $TMPDIR. Wall-clock numbers mean something only
# on a quiet machine: it prints the load average with the table.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -f target/sockshell.jar ] || [ ! -x target/sockshell ]; then
  echo "run.sh: target/sockshell is missing; build it first: mvn -q -DskipTests package" >&2
  exit 2
fi

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v ncat >/dev/null 2>&1 || missing+=(ncat)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "run.sh: needs ${missing[*]} (as root it installs them with apt-get)" >&2
    exit 2
  fi
fi

# 10,000 sockets plus the JVM's own files need more than the common default of 1024.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 65536 ]; then
  hard=$(ulimit -Hn)
  target=65536
  if [ "$hard" != unlimited ] && [ "$hard" -lt $target ]; then target=$hard; fi
  if [ "$(ulimit -n)" -lt "$target" ] && ulimit -n "$target" 2>/dev/null; then
    echo "run.sh: open-file limit raised to $target for this run" >&2
  fi
  if [ "$(ulimit -n)" -lt 10100 ]; then
    echo "run.sh: open-file limit is $(ulimit -n); the sockets row needs > 10100" >&2
  fi
fi

exec python3 src/bench/bench.py
