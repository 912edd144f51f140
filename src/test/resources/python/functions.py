# def with positional and default arguments, return, globals, closures.
MSGLEN = 10


def mysend(chunks, msg):
    totalsent = 0
    while totalsent < MSGLEN:
        sent = min(3, MSGLEN - totalsent)
        chunks.append(msg[totalsent:totalsent + sent])
        totalsent = totalsent + sent
    return totalsent


def greet(name, greeting="hello", punctuation="!"):
    return greeting + ", " + name + punctuation


def nothing():
    pass


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


counter = 0


def bump(by=1):
    global counter
    counter += by
    return counter


def outer(x):
    def inner(y):
        return x + y
    return inner(10)


parts = []
print(mysend(parts, b"0123456789"), parts)
print(greet("Ann"), greet("Bob", "hi"), greet("Cy", punctuation="?"), greet(greeting="yo", name="Di"))
print(nothing(), fact(10), bump(), bump(5), counter, outer(1))
print(greet.__name__, len.__name__, callable(greet), callable(3))
try:
    greet()
except TypeError as e:
    print(e)
try:
    greet("a", "b", "c", "d")
except TypeError as e:
    print(e)
try:
    greet("a", nope=1)
except TypeError as e:
    print(e)


def local_before_assignment():
    print(counter)
    counter = 1


try:
    local_before_assignment()
except UnboundLocalError as e:
    print(type(e).__name__, e)
