package dev.sockshell.render;

/** Text made safe for XML and HTML. */
final class Xml {
  private Xml() {}

  /**
   * {@code text} with {@code & < > " '} escaped, and the control characters XML 1.0 forbids left
   * out (sockshell escapes bytes from the network already; this guards what slips past).
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            sb.append(c);
          } else {
            sb.append('\uFFFD');
          }
        }
      }
    }
    return sb.toString();
  }
}
