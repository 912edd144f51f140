# The tutorial's codecs and the others issue 14 lists, with Python's error modes and messages.
import socket
import struct

print("你好".encode("gbk"), "你好".encode("utf-8"), "台灣".encode("big5"), "日本".encode("shift_jis"))
print("你好".encode("utf-16"), b"\xc4\xe3\xba\xc3".decode("gbk"), b"\xa5x\xc6W".decode("big5"))
print("€".encode("latin-1", "backslashreplace"), "€x".encode("gbk", "ignore"), "€".encode("big5", "replace"))
print(b"\xc4".decode("gbk", "replace"), b"\x80abc".decode("shift_jis", "backslashreplace"))
for text, codec in (("€", "gbk"), ("€", "latin-1"), ("é", "ascii"), ("ß", "shift_jis")):
    try:
        text.encode(codec)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
for data, codec in ((b"\xc4", "gbk"), (b"\xff", "utf-8"), (b"\xff\xfe\x00", "utf-16")):
    try:
        data.decode(codec)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
print(struct.pack("!HI", 1, 2), struct.unpack("<h", b"\xfe\xff"), struct.calcsize(">iq"), struct.calcsize("iq"))
srv = socket.create_server(("127.0.0.1", 0))
with socket.create_connection(srv.getsockname()) as c:
    conn, addr = srv.accept()
    c.sendall("第一行\nline2\n".encode("gbk"))
    f = conn.makefile("rb")
    print(f.readline().decode("gbk"), f.readline())
print(c.fileno())
for family, type_, proto, canon, sa in socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM):
    print(family == socket.AF_INET, type_ == socket.SOCK_STREAM, sa)
conn.close()
srv.close()
