print("never runs")
x = b"ab\x4g"
