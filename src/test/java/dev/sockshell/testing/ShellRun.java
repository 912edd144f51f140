package dev.sockshell.testing;

import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * One sockshell session in this JVM, run in stages as script lines, so that a test can start a peer
 * between two stages (e.g. once the server listens) and read what the user would see.
 */
public final class ShellRun implements AutoCloseable {
  private static final Path CWD = Path.of("").toAbsolutePath();

  private final StringWriter text = new StringWriter();
  private final Shell shell = new Shell(new Session(), new PlainOutput(text), CWD);

  public Shell shell() {
    return shell;
  }

  /** Runs {@code lines} as the script {@code test.socks}, continuing the same session. */
  public Shell.End run(String lines) {
    return shell.run(new ReaderSource(new StringReader(lines), "test.socks", CWD));
  }

  /** Everything printed so far. */
  public String out() {
    return text.toString();
  }

  /** The port the socket called {@code name} is bound to. */
  public int port(String name) throws SocketError {
    SockAddress local = shell.session().find(name).orElseThrow().localAddress();
    return ((SockAddress.Inet) local).port();
  }

  @Override
  public void close() {
    shell.close();
  }
}
