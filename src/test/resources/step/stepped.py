import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
c = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
c.sendall(b"hi")
print("got", conn.recv(10))
for i in range(3):
    c.sendall(b"x")
print("done", conn.recv(10))
