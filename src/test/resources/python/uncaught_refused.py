# An uncaught socket error ends the program with Python's traceback.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("connecting")
sock.connect(("127.0.0.1", port))
print("not reached")
