# if/elif/else, while, for, break, continue and the loops' else.
for n in [0, 5, 15, 25]:
    if n < 1:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    elif n < 20:
        print(n, "medium")
    else:
        print(n, "large")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not reached")
for c in "abc":
    pass
else:
    print("for finished with", c)
while False:
    pass
else:
    print("while else")
total = 0
for a, b in [(1, 2), (3, 4)]:
    total += a * b
print("total", total)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
x = 5 if total > 10 else 0
print(x, "yes" if None else "no")
if x: print("one-line if")
for k in range(2): print("one-line for", k)
value = None
print(value is None, value is not None, not value)
n = 0
while True:
    n += 1
    if n == 3:
        break
print("n =", n)
