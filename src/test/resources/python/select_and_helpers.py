# select.select, create_server and create_connection.
import select
import socket

server = socket.create_server(("127.0.0.1", 0))
print(server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
address = server.getsockname()
r, w, x = select.select([server], [], [], 0)
print(r, w, x)
client = socket.create_connection(address)
r, w, x = select.select([server], [client], [], 1.0)
print(r == [server], w == [client], x)
conn, _ = server.accept()
r, w, x = select.select([conn], [], [], 0.05)
print("nothing to read:", r)
client.sendall(b"data")
r, w, x = select.select([conn, server], [], [], 1.0)
print(r == [conn], conn.recv(100))
client.close()
r, w, x = select.select([conn], [], [], 1.0)
print(r == [conn], conn.recv(100))
try:
    select.select([conn], [], [], -1)
except ValueError as e:
    print(e)
conn.close()
try:
    select.select([conn], [], [])
except ValueError as e:
    print(e)
server.close()
try:
    socket.create_connection(address, timeout=1)
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
