print("never runs")
x = "ab\u12g"
