# raise ... from ... shows the cause first.
try:
    int("x")
except ValueError as e:
    raise RuntimeError("bad configuration") from e
