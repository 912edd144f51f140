# The errors socket calls raise: classes, errno values, messages.
import socket
import errno

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free_port = probe.getsockname()[1]
probe.close()

c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    c.connect(("127.0.0.1", free_port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e, e.errno == errno.ECONNREFUSED, e.strerror, e.args)
print(c.connect_ex(("127.0.0.1", free_port)) == errno.ECONNREFUSED)
c.close()

a = socket.socket()
a.bind(("127.0.0.1", 0))
a.listen()
b = socket.socket()
try:
    b.bind(a.getsockname())
except OSError as e:
    print("in use:", e.errno == errno.EADDRINUSE, e)
b.close()

u = socket.socket()
for call in ["recv", "send", "accept", "getpeername", "shutdown"]:
    try:
        if call == "recv":
            u.recv(10)
        elif call == "send":
            u.send(b"x")
        elif call == "accept":
            u.accept()
        elif call == "getpeername":
            u.getpeername()
        else:
            u.shutdown(socket.SHUT_RDWR)
    except OSError as e:
        print(call, type(e).__name__, e)
for bad in ["x", ("localhost",), ("localhost", "x"), ("localhost", 70000), (1, 2)]:
    try:
        u.bind(bad)
    except (TypeError, OverflowError) as e:
        print("bind", repr(bad), type(e).__name__, e)
for args in [(), (-1,), ("a",)]:
    try:
        u.recv() if not args else u.recv(args[0])
    except (TypeError, ValueError) as e:
        print("recv", args, type(e).__name__, e)
try:
    u.send("text")
except TypeError as e:
    print("send str:", e)
try:
    u.settimeout(-1)
except ValueError as e:
    print("settimeout:", e)
try:
    socket.socket(99)
except OSError as e:
    print("family:", e)
try:
    socket.getaddrinfo("no-such-host.invalid", 80)
except socket.gaierror as e:
    print("gaierror:", e, e.errno, isinstance(e, OSError))
u.close()
u.close()
try:
    u.recv(1)
except OSError as e:
    print("closed:", e)
print(u.fileno())
try:
    a.shutdown(5)
except OSError as e:
    print("shutdown 5:", e)
a.close()
