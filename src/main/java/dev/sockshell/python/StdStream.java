package dev.sockshell.python;

/** {@code sys.stdout} and {@code sys.stderr}: what print's {@code file=} may name. */
record StdStream(String name, boolean error) {
  void write(Interpreter in, String text) {
    if (error) {
      in.host.printError(text);
    } else {
      in.host.print(text);
    }
  }

  Object attribute(String attribute) {
    return switch (attribute) {
      case "write" ->
          new BoundMethod(
              this,
              "write",
              (in, a, k) -> {
                Args.exactly("write", a, k, 1);
                String text = Args.str(a.get(0), "write() argument");
                write(in, text);
                return Nums.of(text.codePointCount(0, text.length()));
              });
      case "flush" -> new BoundMethod(this, "flush", (in, a, k) -> PyNone.NONE);
      case "name" -> name;
      default -> null;
    };
  }

  String repr() {
    return "<_io.TextIOWrapper name='" + name + "' mode='w' encoding='utf-8'>";
  }
}
