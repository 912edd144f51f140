# The socket HOWTO's snippets that stay inside the subset, in one program: its server set-up,
# its fixed-length mysend/myreceive (as functions: the HOWTO's class is outside the subset),
# and its select call. Ports are free ones instead of the HOWTO's 80.
import select
import socket

MSGLEN = 5000


def mysend(sock, msg):
    totalsent = 0
    while totalsent < MSGLEN:
        sent = sock.send(msg[totalsent:])
        if sent == 0:
            raise RuntimeError("socket connection broken")
        totalsent = totalsent + sent


def myreceive(sock):
    chunks = []
    bytes_recd = 0
    while bytes_recd < MSGLEN:
        chunk = sock.recv(min(MSGLEN - bytes_recd, 2048))
        if chunk == b'':
            raise RuntimeError("socket connection broken")
        chunks.append(chunk)
        bytes_recd = bytes_recd + len(chunk)
    return b''.join(chunks)


# create an INET, STREAMing socket
serversocket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# bind the socket to a public host, and a well-known port
serversocket.bind((socket.gethostname(), 0))
# become a server socket
serversocket.listen(5)

# create an INET, STREAMing socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# now connect to the web server on port 80 - the normal http port
s.connect(serversocket.getsockname())

# accept connections from outside
(clientsocket, address) = serversocket.accept()

potential_readers = [clientsocket, serversocket]
potential_writers = [s]
potential_errs = []
timeout = 1.0
ready_to_read, ready_to_write, in_error = \
               select.select(
                  potential_readers,
                  potential_writers,
                  potential_errs,
                  timeout)
print(len(ready_to_read), ready_to_write == [s], in_error)

mysend(s, b"x" * MSGLEN)
message = myreceive(clientsocket)
print(len(message), message[:10], message == b"x" * MSGLEN)
s.close()
try:
    myreceive(clientsocket)
except RuntimeError as e:
    print("RuntimeError:", e)
clientsocket.close()
serversocket.close()
