# A traceback through functions, most recent call last.
def parse(text):
    return int(text)


def handle(message):
    return parse(message.decode()) * 2


print(handle(b"21"))
print(handle(b"twenty-one"))
