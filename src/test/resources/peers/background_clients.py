"""Clients (and one server) for sockshell's background work: serve, rules, relay.

    background_clients.py echo PORT CLIENTS ROUNDS   CLIENTS at once, each ROUNDS echoed 64-byte messages
    background_clients.py ping PORT                  PING n / PONG n through serve --rules
    background_clients.py reset PORT                 reads part of a long reply, then resets (SO_LINGER 0)
    background_clients.py never_reads PORT           sends until the server's buffers are full, never reads
    background_clients.py sink                       a server: sha256 of all it receives, then closes
    background_clients.py source PORT MIB            sends MIB MiB of random bytes, prints their sha256

Every wait is bounded (20 s); a failure prints FAIL and exits 1.
"""
import hashlib
import os
import selectors
import socket
import struct
import sys
import time

TIMEOUT = 20


def fail(why):
    print("FAIL " + why, flush=True)
    sys.exit(1)


def echo(port, clients, rounds):
    sel = selectors.DefaultSelector()
    state = {}
    for i in range(clients):
        s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.setblocking(False)
        state[s] = {"id": i, "round": 0, "got": b"", "msg": b""}
        sel.register(s, selectors.EVENT_WRITE)
    print("connected %d" % clients, flush=True)
    done = 0
    deadline = time.monotonic() + TIMEOUT * 3
    while done < clients:
        if time.monotonic() > deadline:
            fail("only %d of %d clients finished" % (done, clients))
        for key, events in sel.select(timeout=1):
            s = key.fileobj
            st = state[s]
            if events & selectors.EVENT_WRITE:
                st["msg"] = (b"%06d:%06d:" % (st["id"], st["round"])).ljust(64, b"x")
                s.send(st["msg"])
                sel.modify(s, selectors.EVENT_READ)
            else:
                data = s.recv(65536)
                if not data:
                    fail("client %d: the server closed early" % st["id"])
                st["got"] += data
                if len(st["got"]) >= 64:
                    if st["got"] != st["msg"]:
                        fail("client %d got %r for %r" % (st["id"], st["got"], st["msg"]))
                    st["got"] = b""
                    st["round"] += 1
                    if st["round"] == rounds:
                        sel.unregister(s)
                        s.close()
                        done += 1
                    else:
                        sel.modify(s, selectors.EVENT_WRITE)
    print("ok %d clients, %d round trips each" % (clients, rounds), flush=True)


def ping(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    banner = s.recv(1024)
    answers = []
    for n in range(5):
        s.sendall(b"PING %d\r\n" % n)
        answers.append(s.recv(1024))
    s.sendall(b"QUIT\r\n")
    rest = s.recv(1024)
    print("banner %r answers %r then %r" % (banner, answers, rest), flush=True)


def reset(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    s.sendall(b"give me the long reply")
    part = s.recv(1000)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    print("reset after %d bytes" % len(part), flush=True)


def never_reads(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    sent = 0
    chunk = b"z" * 65536
    try:
        while sent < 1 << 30:
            sent += s.send(chunk)
    except socket.timeout:
        pass
    print("stuck after %d bytes" % sent, flush=True)
    sys.stdin.readline()  # the test says when to go
    s.close()


def sink():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    print("listening %d" % srv.getsockname()[1], flush=True)
    srv.settimeout(TIMEOUT)
    conn, _ = srv.accept()
    conn.settimeout(TIMEOUT)
    digest = hashlib.sha256()
    total = 0
    while True:
        data = conn.recv(1 << 20)
        if not data:
            break
        digest.update(data)
        total += len(data)
    conn.sendall(b"got %d bytes" % total)
    conn.close()
    print("received %d sha256 %s" % (total, digest.hexdigest()), flush=True)


def source(port, mib):
    s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    digest = hashlib.sha256()
    for _ in range(mib):
        data = os.urandom(1 << 20)
        digest.update(data)
        s.sendall(data)
    s.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        data = s.recv(1024)
        if not data:
            break
        answer += data
    print("sent %d sha256 %s answer %r" % (mib << 20, digest.hexdigest(), answer), flush=True)


if __name__ == "__main__":
    mode, args = sys.argv[1], [int(a) for a in sys.argv[2:]]
    {"echo": echo, "ping": ping, "reset": reset, "never_reads": never_reads, "sink": sink,
     "source": source}[mode](*args)
