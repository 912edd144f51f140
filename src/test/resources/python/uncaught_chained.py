# An exception raised while another is handled shows both.
table = {}
try:
    table["missing"]
except KeyError:
    raise ValueError("no such entry")
