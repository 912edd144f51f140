# The tutorial's TCP client, unchanged except for the port, which comes from the command line.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9999

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('localhost', port))

client.send(b"hello from TCP client")
response = client.recv(1024)

print("server response:", response.decode('utf-8'))

client.close()
