"""Issue 12's rows of the benchmark: TLS, against Python's ssl module and openssl.

  tlsbulk        1 GiB over TLS 1.3 on loopback (sendfile into a TLS socket), against Python's
                 ssl sendall in 64 KiB pieces and `openssl s_client < file`; the receiver is the
                 same Python ssl server for all three (recv_into a 1 MiB buffer, to EOF)
  handshakes     handshakes per second, one client: connect, TLS 1.3 handshake, close, in a loop,
                 against Python's ssl doing the same loop; the server is `openssl s_server`

The certificate is made here with `openssl req` (a P-256 key, as most servers have now). bench.py
calls these with itself as `b` (record, skip, say, hyperfine, ms, JAR, PYTHON, SOCKSHELL, WORK).
"""
import shutil
import socket
import subprocess
import time

TLS_BYTES = 1 << 30
HANDSHAKES = 500

SINK = """
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
ctx.minimum_version = ssl.TLSVersion.TLSv1_3
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(16)
print(srv.getsockname()[1], flush=True)
buf = bytearray(1 << 20)
while True:
    raw, _ = srv.accept()
    try:
        conn = ctx.wrap_socket(raw, server_side=True)
        while conn.recv_into(buf):
            pass
        conn.close()
    except (OSError, ssl.SSLError):
        raw.close()
"""

PY_SENDALL = """
import socket, ssl, sys
ctx = ssl.create_default_context(cafile=sys.argv[3])
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", int(sys.argv[1]))),
                    server_hostname="localhost")
with open(sys.argv[2], "rb") as f:
    for chunk in iter(lambda: f.read(65536), b""):
        s.sendall(chunk)
s.close()
"""

PY_HANDSHAKES = """
import socket, ssl, sys
ctx = ssl.create_default_context(cafile=sys.argv[3])
for _ in range(int(sys.argv[2])):
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", int(sys.argv[1]))),
                        server_hostname="localhost")
    s.close()
"""


def certificate(b):
    """A self-signed certificate for localhost (and 127.0.0.1), made with openssl req."""
    cert, key = b.WORK / "tls-cert.pem", b.WORK / "tls-key.pem"
    if not cert.exists():
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
             "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out", str(cert),
             "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            check=True, capture_output=True,
        )
    return cert, key


def wait_listening(port, limit=10):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def row_tlsbulk(b):
    measure = "TLS 1.3, 1 GiB over loopback (sendfile into a TLS socket)"
    if not shutil.which("openssl"):
        b.skip(measure, "openssl is not installed")
        return
    cert, key = certificate(b)
    data = b.WORK / "tls-1GiB.bin"
    with open(data, "wb") as f:
        chunk = bytes(range(256)) * 4096
        for _ in range(TLS_BYTES // len(chunk)):
            f.write(chunk)
    sink = subprocess.Popen(
        [b.PYTHON, "-c", SINK, str(cert), str(key)], stdout=subprocess.PIPE, text=True
    )
    try:
        port = int(sink.stdout.readline())
        sender = b.WORK / "tls_sendall.py"
        sender.write_text(PY_SENDALL)
        script = b.WORK / "tls_bulk.socks"
        script.write_text(
            f"socket c\nconnect c 127.0.0.1:{port}\ntls c --cafile {cert}"
            f" --server-hostname localhost\nsendfile c {data}\nclose c\n"
        )
        b.say("tlsbulk: sendfile over TLS 1.3, against Python's ssl sendall and openssl s_client")
        # The launcher runs C1 only (start-up); AES-GCM is an intrinsic of C2 only, so the plain
        # `java -jar` (both compilers) is timed too.
        (ours, ours_cpu), (jar, jar_cpu), (py, py_cpu), (ossl, _) = b.hyperfine(
            [
                " ".join(b.SOCKSHELL + [str(script)]),
                f"java -jar {b.JAR} {script}",
                f"{b.PYTHON} {sender} {port} {data} {cert}",
                f"openssl s_client -connect 127.0.0.1:{port} -tls1_3 -quiet -no_ign_eof"
                f" < {data} > /dev/null 2>&1",
            ],
            shell=True,
            cpu=True,
        )
        gib = TLS_BYTES / (1 << 30)
        b.record(
            measure,
            f"{b.ms(ours)} ({gib / ours:.2f} GiB/s); java -jar {b.ms(jar)} ({gib / jar:.2f} GiB/s)",
            f"python3 ssl sendall (64 KiB) {b.ms(py)}; openssl s_client {b.ms(ossl)}",
            f"{py / ours:.2f}x python ({py / jar:.2f}x with java -jar), {ossl / ours:.2f}x openssl;"
            f" by CPU {cpu_ratio(py_cpu, ours_cpu, jar_cpu)}",
            ">= 1x py",
            py / ours >= 1.0,
        )
    finally:
        sink.kill()
        sink.wait()
        data.unlink(missing_ok=True)


def row_handshakes(b):
    measure = f"TLS 1.3 handshakes per second, one client ({HANDSHAKES} connect, tls, close)"
    if not shutil.which("openssl"):
        b.skip(measure, "openssl is not installed")
        return
    cert, key = certificate(b)
    port = free_port()
    server = subprocess.Popen(
        ["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert", str(cert), "-key",
         str(key), "-tls1_3", "-www", "-quiet"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        if not wait_listening(port):
            b.skip(measure, "openssl s_server did not start")
            return
        loop = b.WORK / "tls_handshakes.py"
        loop.write_text(PY_HANDSHAKES)
        script = b.WORK / "tls_handshakes.socks"
        script.write_text(
            f"repeat {HANDSHAKES}\n  socket c\n  connect c 127.0.0.1:{port}\n"
            f"  tls c --cafile {cert} --server-hostname localhost\n  close c\nend\n"
        )
        b.say(f"handshakes: {HANDSHAKES} x (connect, tls, close), against Python's ssl")
        (ours, ours_cpu), (jar, jar_cpu), (py, py_cpu) = b.hyperfine(
            [
                " ".join(b.SOCKSHELL + ["--quiet", str(script)]),
                f"java -jar {b.JAR} --quiet {script}",
                f"{b.PYTHON} {loop} {port} {HANDSHAKES} {cert}",
            ],
            shell=True,
            cpu=True,
        )
        b.record(
            measure,
            f"{HANDSHAKES / ours:.0f}/s ({b.ms(ours)} with start-up);"
            f" java -jar {HANDSHAKES / jar:.0f}/s",
            f"python3 ssl {HANDSHAKES / py:.0f}/s ({b.ms(py)})",
            f"{py / ours:.2f}x python ({py / jar:.2f}x with java -jar);"
            f" by CPU {cpu_ratio(py_cpu, ours_cpu, jar_cpu)}",
            ">= 1x py",
            py / ours >= 1.0,
        )
    finally:
        server.kill()
        server.wait()


def cpu_ratio(py, ours, jar):
    """Python's CPU seconds over ours (the launcher's, then java -jar's): the ratio to trust when
    other work shares the machine."""
    return f"{py / ours:.2f}x python ({py / jar:.2f}x with java -jar)"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ROWS = {"tlsbulk": row_tlsbulk, "handshakes": row_handshakes}
