package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a command's {@code /help} page says beyond its synopsis, example, arguments and errors:
 * paragraphs for the commands whose behaviour a table cannot hold (how a loop ends, what it keeps).
 */
final class HelpNotes {
  private HelpNotes() {}

  private static final Map<String, List<String>> NOTES =
      Map.of(
          "repeat",
          List.of(
              "The block: repeat, then the commands one per line (indented as you like), then end"
                  + " on a line of its own. Blocks nest. In the console repeat opens the block:"
                  + " the prompt becomes ...> until its end, and Ctrl-C abandons it.",
              "A round runs the commands in order. The loop ends after COUNT rounds (never"
                  + " without COUNT, or with forever); at a break; at Ctrl-C; or at an error that"
                  + " the next command does not expect (expect error NAME, or break if timeout,"
                  + " break if error NAME). An error ends the loops around it too. In a script it"
                  + " stops the run as on any line, naming the line inside the block and the"
                  + " round; in the console the prompt comes back.",
              "--every SECONDS paces the rounds, a traffic generator: repeat 100 --every 0.1"
                  + " sends for ten seconds. A round that takes longer delays the next (no"
                  + " catching up); Ctrl-C ends the wait between rounds too.",
              "What a loop keeps: each value gets its $N as usual, but only the last two rounds'"
                  + " values are kept (_ always), so $N of an earlier round is gone; /history"
                  + " keeps the block as one entry and /save writes it back as a block; output is"
                  + " shown, not kept. Name the sockets a loop accepts (accept srv conn): the name"
                  + " is reused each round, where automatic names (conn1, conn2…) keep one closed"
                  + " socket per round until /reset.",
              "When the loop ends, one line says why, in which round, and how long the rounds"
                  + " that ran to their end took (shortest, mean, longest): |  repeat ended by"
                  + " break if eof in round 7; per round min 1.1 ms, avg 1.3 ms, max 2.0 ms"),
          "break",
          List.of(
              "break if CONDITION checks the previous command as expect CONDITION would, and"
                  + " ends the innermost loop when it holds: break if eof serves one client until"
                  + " it hangs up; break if timeout gives up when nothing more comes. Naming the"
                  + " error (timeout, error NAME) makes it expected: it does not stop the run.",
              "A break outside repeat … end is an error."),
          "end",
          List.of("Every repeat needs its end; an end with no repeat open is an error."),
          "tls",
          List.of(
              "Client options: --server-hostname HOST, --cafile PATH, --insecure, --alpn"
                  + " P1,P2, --version TLSv1.2|TLSv1.3, and --cert PATH --key PATH to present a"
                  + " client certificate. With --server: --cert PATH [--key PATH] or"
                  + " --self-signed [CN], --alpn, --version, and --client-cert required|optional"
                  + " with --cafile PATH (the CAs the clients' certificates must come from).",
              "After tls, send, sendall, recv (with --exact, --until, --frame), sendfile,"
                  + " recvfile, select, shutdown and the live events all work on the decrypted"
                  + " bytes; /list shows the TLS version. The handshake waits like a recv: the"
                  + " socket's timeout and Ctrl-C apply, and a failed handshake closes the socket,"
                  + " as Python's wrap_socket does.",
              "The client checks the server's certificate against the JDK's trusted CAs (or"
                  + " only those in --cafile PATH) and the host name: --server-hostname HOST, else"
                  + " the name given to connect (an address is checked against the certificate's"
                  + " IP addresses). --insecure checks nothing (Python's CERT_NONE).",
              "A quick server: listen srv, then tls srv --server --self-signed makes a key and a"
                  + " certificate for localhost (or the CN given) in memory, and prints its SHA-256"
                  + " fingerprint and a file with the certificate (never the key). A client trusts"
                  + " it with tls c --cafile THAT_FILE, python3 with"
                  + " ssl.create_default_context(cafile=THAT_FILE), curl with --cacert; or skips the"
                  + " check with --insecure (curl -k, openssl s_client without -verify_return_error).",
              "STARTTLS: talk in plain text first (recv c --until \"\\r\\n\", send c"
                  + " b'STARTTLS\\r\\n'), then tls c: bytes already read stay in order.",
              "Both ends in one session: a handshake needs both sides at once, so a client and"
                  + " a foreground accept in the same session would wait for each other. Serve"
                  + " the listener in the background instead, or run the other end in a second"
                  + " sockshell."),
          "sendfile",
          List.of(
              "How the bytes go: to another machine sendfile hands the file to the kernel"
                  + " (sendfile(2), as Python's socket.sendfile does: no copy in sockshell). To"
                  + " this machine (loopback, or one of its own addresses) it reads the file 4 MiB"
                  + " at a time and writes each piece, which measured about twice as fast there:"
                  + " the receiver copies the bytes anyway. Over TLS the pieces are encrypted"
                  + " first. sendall NAME @FILE goes the second way too.",
              "The socket's timeout bounds each wait for the peer to read, not the whole file;"
                  + " Ctrl-C stops it, and what was sent stays sent (the error says how much)."),
          "recvfile",
          List.of(
              "It reads up to 4 MiB at a time from the socket and writes each piece to the file"
                  + " at once, so memory stays bounded whatever the size. The socket's timeout"
                  + " bounds each wait; Ctrl-C stops it, and what was written stays in the"
                  + " file."),
          "unwrap",
          List.of(
              "unwrap sends close_notify and waits for the peer's; the bytes after it are plain"
                  + " again (STARTTLS's way back). close without unwrap sends no close_notify,"
                  + " as Python's close does: the peer's recv returns b'' either way (Python's"
                  + " suppress_ragged_eofs)."));

  /** The paragraphs for the command called {@code name}, if any. */
  static List<String> of(String name) {
    List<String> english = NOTES.getOrDefault(name, List.of());
    List<String> notes = new ArrayList<>(english.size());
    for (int i = 0; i < english.size(); i++) {
      notes.add(Text.spec("note." + name + "." + i, english.get(i)));
    }
    return notes;
  }

  /** The commands that have notes, with how many each has: for the translations' test. */
  static Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    NOTES.forEach((name, notes) -> counts.put(name, notes.size()));
    return counts;
  }
}
