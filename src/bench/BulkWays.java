import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The two ways the JDK can move a file into a socket, in one process and without sockshell:
 * {@code java src/bench/BulkWays.java WAY BUFFER FILE PORT} sends FILE to 127.0.0.1:PORT with
 * FileChannel.transferTo (sendfile(2); WAY transferTo) or a read/write loop through a direct
 * buffer of BUFFER bytes (WAY copy), and prints the seconds it took. bench.py runs it to show
 * which way sockshell's sendfile should take on this kernel's loopback (FileTransfer.Way).
 */
public class BulkWays {
  public static void main(String[] args) throws Exception {
    String way = args[0];
    int size = Integer.parseInt(args[1]);
    try (FileChannel file = FileChannel.open(Path.of(args[2]));
        SocketChannel socket =
            SocketChannel.open(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[3])))) {
      long length = file.size();
      long sent = 0;
      long start = System.nanoTime();
      if (way.equals("transferTo")) {
        while (sent < length) {
          sent += file.transferTo(sent, length - sent, socket);
        }
      } else {
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        while (file.read(buffer.clear()) > 0) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            sent += socket.write(buffer);
          }
        }
      }
      System.out.printf("%.4f%n", (System.nanoTime() - start) / 1e9);
    }
  }
}
