# struct, time, sys and errno.
import struct
import time
import sys
import errno
from socket import AF_INET, SOCK_STREAM
import socket as s

print(struct.pack(">I", 1024), struct.pack("<I", 1024), struct.pack("!H", 80), struct.pack("=h", -2))
print(struct.pack(">BHI", 1, 2, 3), struct.pack("4s", b"ab"), struct.pack("?", 7), struct.pack(">q", -1))
print(struct.pack(">f", 1.5), struct.pack("<d", 0.1), struct.pack("@bi", 1, 2), struct.pack("2h", 1, 2))
print(struct.unpack(">I", b"\x00\x00\x04\x00"), struct.unpack("<HH", b"\x01\x00\x02\x00"))
print(struct.unpack(">4sB", b"abcd\x09"), struct.unpack(">f", struct.pack(">f", 0.1)))
print(struct.unpack_from(">H", b"\x00\x01\x00\x02", 2), struct.calcsize(">I"), struct.calcsize("@bi"))
print(struct.calcsize("<bi"), struct.calcsize("@l"), struct.calcsize("<l"), struct.calcsize("3s2x"))
header = struct.pack(">I", len(b"payload")) + b"payload"
(length,) = struct.unpack(">I", header[:4])
print(length, header[4:4 + length])
for fmt, value in [(">H", 70000), (">h", 70000), (">i", 2 ** 31), (">I", -1), (">B", 300), (">b", 300), (">q", 2 ** 64), (">I", 1.5), (">I", "a")]:
    try:
        struct.pack(fmt, value)
    except struct.error as e:
        print(fmt, "error:", e)
for args in [(">II", 1), (">z", 1)]:
    try:
        struct.pack(args[0], args[1])
    except struct.error as e:
        print(args[0], "error:", e)
try:
    struct.unpack(">I", b"ab")
except struct.error as e:
    print("unpack error:", e)
t0 = time.time()
m0 = time.monotonic()
time.sleep(0.05)
print(time.time() - t0 >= 0.04, time.monotonic() - m0 >= 0.04, time.monotonic() > m0)
print(type(time.time()), sys.platform, sys.byteorder, len(sys.argv), sys.argv[0].endswith(".py"))
print(errno.ECONNREFUSED, errno.EADDRINUSE, errno.EPIPE, errno.ECONNRESET, errno.EAGAIN, errno.EWOULDBLOCK)
print(errno.errorcode[111], errno.errorcode[errno.ETIMEDOUT])
print(AF_INET, SOCK_STREAM, s.AF_INET6, repr(s.AF_INET), repr(s.SOCK_DGRAM), s.SOL_SOCKET, s.SO_REUSEADDR)
print(s.AF_INET == 2, s.SOCK_STREAM + 0, s.SHUT_WR, s.IPPROTO_TCP, s.TCP_NODELAY, type(s.AF_INET).__name__)
print(s.htons(80), s.ntohs(20480), s.htonl(1), s.inet_aton("127.0.0.1"), s.inet_ntoa(b"\x7f\x00\x00\x01"))
print(s.timeout is TimeoutError, s.error is OSError, s.gaierror.__name__, s.SOMAXCONN > 0)
print(isinstance(s.gethostname(), str), s.gethostbyname("localhost"))
print(s.getaddrinfo("localhost", 80, s.AF_INET, s.SOCK_STREAM))
print(s.getaddrinfo("127.0.0.1", "8080", s.AF_INET, s.SOCK_DGRAM))
print(s.getaddrinfo(None, 50007, s.AF_UNSPEC, s.SOCK_STREAM, 0, s.AI_PASSIVE))
print(s.getdefaulttimeout())
