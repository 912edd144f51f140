# UDP: datagrams with sendto and recvfrom, and a connected UDP socket.
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("localhost", 0))
print("UDP server at", server.getsockname())
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(client.sendto(b"hello UDP", server.getsockname()))
data, addr = server.recvfrom(1024)
print(f"received from {addr}:{data.decode()}")
server.sendto(b"UDP ACK", addr)
response, _ = client.recvfrom(1024)
print("server response:", response.decode())
client.sendto(b"0123456789", server.getsockname())
print(server.recvfrom(4))
client.connect(server.getsockname())
client.send(b"connected")
print(server.recv(100))
server.settimeout(0.1)
try:
    server.recvfrom(10)
except TimeoutError as e:
    print("timeout:", e)
client.close()
server.close()
