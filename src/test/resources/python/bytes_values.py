# bytes and bytearray, the values that cross a socket.
b = b"hello world\r\n"
print(b, len(b), b[0], b[-1], b[:5], b[6:-2], b[::-1])
print(b.upper(), b.strip(), b.split(), b.split(b" "), b.replace(b"o", b"0"))
print(b.find(b"o"), b.find(111), b.count(b"l"), b.startswith(b"hell"), b.endswith(b"\r\n"))
print(b.decode(), b.decode("ascii"), b.hex(), b.hex(" "), b"\x00\xff".hex(":"))
print(bytes.fromhex("48 69 0a"), bytes.fromhex("ff00"), bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"))
print(b"a" + b"b", b"ab" * 2, b"x" in b"xyz", 120 in b"xyz", b"".join([b"a", b"b"]), b"-".join((b"1", b"2")))
print(b"line1\nline2".splitlines(), b"k:v".partition(b":"), b"  x ".strip())
print(repr(b"it's"), repr(b'say "hi"'), b"\t\x1b[2J", b"\x80\x81", bytes(range(30, 40)))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba += b"g"
ba[0] = 65
print(ba, len(ba), bytes(ba), ba[1], ba[1:3], ba.decode())
del ba[0]
print(ba, ba.pop(), ba)
print(b"abc" == bytearray(b"abc"), b"a" < b"b", list(b"hi"), tuple(b"\x01\x02"))
print("héllo".encode("latin-1"), "héllo".encode("utf-8"), b"h\xc3\xa9llo".decode("utf-8"))
print("a€b".encode("ascii", "replace"), "a€b".encode("ascii", "ignore"), "a€b".encode("ascii", "backslashreplace"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print("hi".encode("utf-16"), "hi".encode("utf-16-le"), b"\xff\xfeh\x00i\x00".decode("utf-16"))
try:
    "é€".encode("ascii")
except UnicodeEncodeError as e:
    print("encode:", e)
try:
    b"\xe4\xb8".decode("utf-8")
except UnicodeDecodeError as e:
    print("decode:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeError as e:
    print("decode:", e, type(e).__name__)
try:
    b"abc".decode("no-such-codec")
except LookupError as e:
    print("lookup:", e)
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"), (1).to_bytes(4, "little"))
