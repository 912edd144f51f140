# try/except/else/finally, raise, assert, and the messages of Python's errors.
def attempt(what):
    try:
        result = what()
    except ZeroDivisionError as e:
        print("zero:", e)
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e, e.args)
    else:
        print("ok:", result)
    finally:
        print("finally")




def div():
    return 1 / 0


def key():
    return {}["missing"]


def index():
    return [][3]


def name():
    return undefined


def typ():
    return "a" + 1


def val():
    return int("x")


def fine():
    return 42


def attr():
    return (1).nope


def raise_value():
    raise ValueError("custom message")


def raise_os():
    raise OSError(111, "Connection refused")


for f in [div, key, index, name, typ, val, fine, attr, raise_value, raise_os]:
    attempt(f)
try:
    raise ConnectionRefusedError
except OSError as e:
    print(repr(e), e.errno)
try:
    raise OSError(32, "Broken pipe")
except BrokenPipeError as e:
    print("broken pipe:", e, e.errno, e.strerror, type(e).__name__)
try:
    assert 1 + 1 == 3, "math"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("assert:", repr(e))
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise
except KeyError as e:
    print("reraised", e)
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
try:
    raise TimeoutError("timed out")
except OSError as e:
    print(isinstance(e, OSError), e, e.errno)
print(issubclass(ConnectionResetError, ConnectionError), issubclass(TimeoutError, OSError))
try:
    [1, 2].remove(3)
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    for q in 5:
        pass
except TypeError as e:
    print(e)
nothing = None
try:
    nothing()
except TypeError as e:
    print(e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(e)
try:
    sys_exit_not_imported = sys
except NameError as e:
    print(e)
print("end")
