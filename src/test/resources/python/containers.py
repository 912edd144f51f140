# Lists, tuples and dicts.
l = [3, 1, 2]
l.append(4)
l.extend([0, 9])
l.insert(1, 7)
print(l, len(l), l[2], l[-1], l[1:3], l[::2], l.index(2), l.count(1))
l.remove(7)
print(l.pop(), l.pop(0), l)
l.sort()
print(l, sorted([3, 2, 1]), sorted(["b", "a"], reverse=True), list(reversed(l)))
l[0] = 100
l[1:3] = [5, 6, 7]
del l[-1]
print(l, 5 in l, 8 not in l, l + [1], [0] * 3, [[]] * 2)
t = (1, "a", None)
print(t, t[1], t[-1], len(t), t + (2,), t * 2, (1,), (), t.index("a"), t.count(1))
a, b, c = t
x, y = y2, x2 = 1, 2
print(a, b, c, x, y, y2, x2)
first, second = "ab"
print(first, second)
d = {"host": "localhost", "port": 9999}
d["timeout"] = 1.5
print(d, d["host"], d.get("nope"), d.get("nope", 0), len(d), "port" in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
for k, v in d.items():
    print(k, "->", v)
print(d.pop("timeout"), d.setdefault("x", 5), d)
d.update({"y": 6}, z=7)
del d["x"]
print(d, dict(a=1), dict([("k", "v")]), {1: "a", 1.0: "b", True: "c"})
e = {}
e[(1, 2)] = "tuple key"
print(e, e[(1, 2)])
print([1, 2] == [1, 2], (1, 2) == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0])
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), range(3), len(range(0, 10, 2)))
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2], "xy")), list(map(str, [1, 2])))
print(any([0, 1]), all([1, 0]), all([]), min("bca"))
