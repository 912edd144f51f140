# A peer for ExportRoundTripIT: answers one line in upper case, then prints all it received.
import socket
import sys

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1])))
srv.listen()
print("port", srv.getsockname()[1], flush=True)
conn, addr = srv.accept()
received = b""
while b"\n" not in received:
    received += conn.recv(1024)
conn.sendall(received.upper())
while True:
    chunk = conn.recv(1024)
    if not chunk:
        break
    received += chunk
conn.close()
print("received", received)
