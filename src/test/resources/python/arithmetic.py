# Numbers as Python computes and prints them.
print(1 + 2 * 3, 2 ** 100, -2 ** 2, (-2) ** 2, 2 ** -1)
print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 7.5 // 2, -7.5 % 2)
print(0.1 + 0.2, 1e16, 1e15, 1e-5, 0.0001, 1 / 3, 2 / 3, 1e300 * 10, -0.0)
print(3.0, 100.0, 1.5e-7, 123456789.123456789, float("inf"), -float("inf"))
print(10 ** 20, 10 ** 20 / 3, 2 ** 64 - 1, -(2 ** 63))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2, True & False, True | 0)
print(True + True, True * 3, False - 1, 3 * 1.5, 10 - 0.5)
print(divmod(17, 5), divmod(-17, 5), abs(-3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2))
print(int(3.9), int(-3.9), int("  42 "), int("-0x1f", 16), int("0b101", 0), int("1_000"))
print(float("1.5"), float(" -2 "), float("1e3"), float(7), hex(255), oct(8), bin(5), hex(-16))
print(1 == 1.0, 2 < 3 < 4, 3 > 2 > 2, 1 != 2, 0.1 + 0.2 == 0.3)
print(max(3, 1, 2), min([4, 5, 1]), sum([1, 2, 3]), sum([0.5, 0.25]), pow(2, 10), pow(2, 10, 1000))
print(isinstance(True, int), isinstance(1.0, int), isinstance(1, (str, int)), type(1.0), type(True))
x = 10
x += 5
x -= 1
x *= 2
x //= 3
x **= 2
x %= 7
x <<= 2
x |= 1
print(x)
print(1_000_000, 0xff, 0o17, 0b1010, 1.5e3, .5, 5.)
