"""A TLS peer for sockshell's tests, written with Python's own ssl module.

    python3 tls_peer.py server MODE CERT KEY [CA] [ALPN]   serves one connection on 127.0.0.1:0
                                                         (or on $TLS_PEER_PORT, to serve again)
    python3 tls_peer.py client MODE PORT CA [HOST]         connects to 127.0.0.1:PORT

It prints "port N" once listening, then one "name value" line per fact a test checks. Server
modes: echo (one line back), notify (sends b'bye', then close_notify), abrupt (sends b'bye',
then closes without close_notify), tls12 (TLSv1.2 at most), clientcert (requires a client
certificate from CA), starttls (an SMTP-like exchange in plain text first), sha256 (reads to
EOF, prints the digest), send100 (sends 100 MB of a pattern, prints its digest), plain (no TLS
at all). Client modes: echo, unwrap (echo, then close_notify both ways), view (prints getpeercert() and
cipher()), sha256, send100, halfclose (a line, then close_notify, then reads to the peer's
close_notify: TLS 1.3 lets the peer go on sending, as OpenSSL does).
"""
import hashlib
import os
import socket
import ssl
import sys

BIG = 100 * 1000 * 1000


def pattern():
    """100 MB of bytes that are not all alike, in 64 KiB pieces."""
    piece = bytes(range(256)) * 256
    left = BIG
    while left > 0:
        chunk = piece[: min(left, len(piece))]
        left -= len(chunk)
        yield chunk


def say(name, value):
    print(name, value, flush=True)


def server(mode, cert, key, ca=None, alpn=None):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    if mode == "tls12":
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    if mode == "clientcert":
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(ca)
    if alpn:
        ctx.set_alpn_protocols(alpn.split(","))
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", int(os.environ.get("TLS_PEER_PORT", "0"))))
    listener.listen()
    listener.settimeout(30)
    say("port", listener.getsockname()[1])
    raw, _ = listener.accept()
    raw.settimeout(30)
    if mode == "plain":
        raw.sendall(b"220 plain text here\r\n")
        raw.recv(1024)
        raw.close()
        return
    if mode == "starttls":
        raw.sendall(b"220 ready\r\n")
        line = raw.recv(1024)
        say("plain", repr(line))
        raw.sendall(b"220 go ahead\r\n")
    try:
        conn = ctx.wrap_socket(raw, server_side=True)
    except (ssl.SSLError, OSError) as e:
        say("error", type(e).__name__ + " " + str(e))
        return
    say("version", conn.version())
    say("alpn", conn.selected_alpn_protocol())
    if mode == "clientcert":
        say("client", conn.getpeercert()["subject"])
    if mode in ("echo", "tls12", "clientcert", "starttls"):
        data = b""
        while not data.endswith(b"\n"):
            more = conn.recv(1024)
            if not more:
                break
            data += more
        say("got", repr(data))
        conn.sendall(data.upper())
        if mode == "starttls":
            plain = conn.unwrap()  # wrap_socket took raw's descriptor: this is it again
            plain.sendall(b"221 plain again\r\n")
            say("after", repr(plain.recv(1024)))
            plain.close()
            return
        conn.close()
    elif mode == "notify":
        conn.sendall(b"bye")
        conn.unwrap().close()
    elif mode == "abrupt":
        conn.sendall(b"bye")
        conn.shutdown(socket.SHUT_RDWR)  # SSLSocket.shutdown: the TCP one, no close_notify
        conn.close()
    elif mode == "sha256":
        digest = hashlib.sha256()
        total = 0
        while True:
            data = conn.recv(1 << 16)
            if not data:
                break
            digest.update(data)
            total += len(data)
        say("received", total)
        say("sha256", digest.hexdigest())
        conn.close()
    elif mode == "send100":
        digest = hashlib.sha256()
        for chunk in pattern():
            digest.update(chunk)
            conn.sendall(chunk)
        say("sha256", digest.hexdigest())
        conn.unwrap().close()


def client(mode, port, ca, host="localhost"):
    ctx = ssl.create_default_context(cafile=ca)
    raw = socket.create_connection(("127.0.0.1", int(port)), timeout=30)
    if mode == "halfclose":
        half_close(ctx, raw, host)
        return
    try:
        conn = ctx.wrap_socket(raw, server_hostname=host)
    except (ssl.SSLError, OSError) as e:
        say("error", type(e).__name__ + " " + str(e))
        return
    say("version", conn.version())
    if mode == "view":
        say("cert", conn.getpeercert())
        say("cipher", conn.cipher())
    if mode in ("echo", "unwrap"):
        conn.sendall(b"hello over tls\n")
        say("got", repr(conn.recv(1024)))
    if mode == "unwrap":
        try:
            conn.unwrap().close()
            say("unwrapped", "cleanly")
        except (ssl.SSLError, OSError) as e:
            say("unwrapped", type(e).__name__ + " " + str(e))
        return
    elif mode == "sha256":
        digest = hashlib.sha256()
        total = 0
        while True:
            data = conn.recv(1 << 16)
            if not data:
                break
            digest.update(data)
            total += len(data)
        say("received", total)
        say("sha256", digest.hexdigest())
    elif mode == "send100":
        digest = hashlib.sha256()
        for chunk in pattern():
            digest.update(chunk)
            conn.sendall(chunk)
        say("sha256", digest.hexdigest())
        conn.unwrap()
    conn.close()


def half_close(ctx, raw, host):
    """SSLSocket.unwrap() waits for the peer's close_notify and reads nothing before it: an
    SSLObject over memory sends ours and goes on reading, as OpenSSL allows."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ctx.wrap_bio(incoming, outgoing, server_hostname=host)

    def flush():
        data = outgoing.read()
        if data:
            raw.sendall(data)

    def step(call):
        while True:
            try:
                return call()
            except ssl.SSLWantReadError:
                flush()
                data = raw.recv(1 << 16)
                if not data:
                    raise ssl.SSLEOFError("EOF without close_notify")
                incoming.write(data)

    step(tls.do_handshake)
    flush()
    tls.write(b"request\n")
    flush()
    try:
        tls.unwrap()
    except ssl.SSLWantReadError:
        pass
    flush()
    say("closed", "write")
    got = b""
    try:
        while True:
            data = step(lambda: tls.read(1 << 16))
            if not data:
                break
            got += data
        ending = "close_notify"
    except ssl.SSLZeroReturnError:
        ending = "close_notify"
    except (ssl.SSLError, OSError) as e:
        ending = type(e).__name__
    say("got", repr(got))
    say("ended", ending)
    raw.close()


if __name__ == "__main__":
    if sys.argv[1] == "server":
        server(*sys.argv[2:])
    else:
        client(*sys.argv[2:])
