# The tutorial's UDP server, unchanged except for the port: it comes from the command line
# (0 lets the OS choose), and the "listening" line shows the port the server really got.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8888

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(('localhost', port))
print(f"UDP服务器监听`localhost:{server.getsockname()[1]}`", flush=True)
while True:
    data, addr = server.recvfrom(1024)
    print(f"received from {addr}:{data.decode()}", flush=True)
    server.sendto(b"UDP ACK", addr)
