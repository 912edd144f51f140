# A TCP server and its client in one program, over loopback.
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(5)
host, port = server.getsockname()
print("listening on", server.getsockname())
print(server)
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((host, port))
conn, addr = server.accept()
print(f"连接到{addr}")
print(conn.getpeername() == client.getsockname(), client.getpeername() == (host, port))
print(client.send(b"hello from TCP client"))
data = conn.recv(1024)
if data:
    print("Received:", data.decode("utf-8"))
    conn.send(b"message received by server")
response = client.recv(1024)
print("server response:", response.decode("utf-8"))
print(server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR), client.gettimeout(), client.getblocking())
print(server.family, server.type, repr(server.family), server.proto)
client.settimeout(0.2)
print(client.gettimeout())
try:
    client.recv(10)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__, e.errno)
client.setblocking(False)
try:
    client.recv(10)
except BlockingIOError as e:
    print("non-blocking:", e, e.errno)
client.setblocking(True)
print(client.gettimeout())
client.sendall(b"line one\nline two\npartial")
f = conn.makefile("rb")
print(f.readline(), f.readline())
client.close()
print(f.readline(), f.readline())
f.close()
print(conn.recv(10))
conn.close()
conn.close()
try:
    conn.recv(10)
except OSError as e:
    print("closed:", e, e.errno)
print(conn)
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((host, port))
    c2, a2 = server.accept()
    print(s.fileno() >= 0)
    with c2:
        s.sendall(b"ping")
        print(c2.recv(4))
print(s.fileno(), c2.fileno())
server.close()
print("closed server")
