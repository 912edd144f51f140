import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The least a Java program does for the one-line script row: {@code StartFloor} alone starts and
 * ends (the JVM's own start); {@code StartFloor FILE} reads the script, opens a TCP socket as
 * {@code socket s} does and prints what sockshell prints for it. bench.py starts it as the
 * launcher starts sockshell (the same JVM flags, a class-data archive of its own), so the row
 * shows how much of sockshell's time any Java program would take.
 */
public class StartFloor {
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      return;
    }
    byte[] script = Files.readAllBytes(Path.of(args[0]));
    try (SocketChannel socket = SocketChannel.open()) {
      PrintStream out = System.out;
      out.print("sockshell> ");
      out.write(script);
      out.print("s ==> socket(AF_INET, SOCK_STREAM)\n1 command, 0 expectations passed, 0 failed\n");
    }
  }
}
