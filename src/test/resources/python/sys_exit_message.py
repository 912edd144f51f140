import sys

sys.exit("fatal: no server")
