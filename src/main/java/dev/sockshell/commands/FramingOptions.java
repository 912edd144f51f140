package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.StreamSocket;
import java.util.List;

/**
 * What {@code send --frame len32} and {@code recv}'s framing options ({@link Recv}) share: the
 * {@code len32} format word, the message for an unknown option, and the stream socket they need.
 */
final class FramingOptions {
  private FramingOptions() {}

  /** {@code send}'s option. */
  static final Param SEND_OPTION = Param.constant("--frame len32", true, List.of("--frame"));

  /** The word after {@code --frame}. */
  static final Param FORMAT = Param.constant("len32", false, List.of("len32"));

  /** The {@code len32} after {@code --frame}: the only frame format. */
  static void len32(Args a) throws UsageError {
    Token format = a.next(FORMAT, Text.get("usage.what.frame.format"));
    if (!format.text().equals("len32")) {
      throw new UsageError(Text.get("usage.frame.format", format.text()), format.start());
    }
  }

  /** The option of {@code send}, next in {@code a}: {@code --frame len32}; true once read. */
  static boolean sendFrame(Args a) throws UsageError {
    Token t = a.next(SEND_OPTION);
    if (!t.text().equals("--frame")) {
      throw unknownOption(t, List.of("--frame"));
    }
    len32(a);
    return true;
  }

  static UsageError unknownOption(Token t, List<String> known) {
    int eq = t.text().indexOf('=');
    if (eq > 0 && known.contains(t.text().substring(0, eq))) {
      // --exact=5, as GNU tools take it: the value is the next argument here.
      String option = t.text().substring(0, eq);
      return new UsageError(
          Text.get("usage.option.equals", option, t.text().substring(eq + 1)), t.start());
    }
    String close = Suggest.closest(t.text(), known);
    return new UsageError(
        close != null
            ? Text.get("usage.option.close", t.text(), close)
            : Text.get(
                "usage.option.list", t.text(), String.join(Text.get("list.separator"), known)),
        t.start());
  }

  /** The socket as a stream: framing cuts messages out of a byte stream. */
  static StreamSocket stream(NetSocket s, String option) throws UsageError {
    if (s instanceof StreamSocket stream) {
      return stream;
    }
    throw UsageError.about(option, Text.get("usage.frame.stream", option, s.name()));
  }
}
