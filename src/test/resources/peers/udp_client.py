# The tutorial's UDP client, unchanged except for the port, which comes from the command line.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8888

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.sendto(b"hello UDP", ('localhost', port))
response, _ = client.recvfrom(1024)
print("server response:", response.decode())

client.close()
