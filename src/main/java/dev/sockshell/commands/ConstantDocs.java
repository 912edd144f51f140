package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What each name a command accepts means: the socket module's constants (the choices of the specs'
 * parameters; /set's keys and values come from {@link SetCommands}), errno symbols and Python
 * exception classes. {@code /help} and the console's completion menu both read it, so a newcomer
 * sees the same words in both.
 */
public final class ConstantDocs {
  private ConstantDocs() {}

  private static final Map<String, String> CONSTANTS =
      Map.ofEntries(
          Map.entry("AF_INET", "IPv4: addresses such as 127.0.0.1"),
          Map.entry("AF_INET6", "IPv6: addresses such as ::1"),
          Map.entry("AF_UNIX", "Unix domain: a file path instead of host and port"),
          Map.entry("SOCK_STREAM", "TCP: a connection carrying a stream of bytes"),
          Map.entry("SOCK_DGRAM", "UDP: separate datagrams, no connection"),
          Map.entry("SHUT_RD", "stop receiving"),
          Map.entry("SHUT_WR", "stop sending: the peer reads EOF (b'')"),
          Map.entry("SHUT_RDWR", "stop sending and receiving"),
          Map.entry("SOL_SOCKET", "level of the SO_* options"),
          Map.entry(
              "--exact",
              "receive exactly N bytes (fixed-length messages), or what came" + " before EOF"),
          Map.entry("--until", "receive through the delimiter DELIM, e.g. \"\\n\""),
          Map.entry("--frame", "len32: a 4-byte big-endian length, then that many bytes"),
          Map.entry("--missing-ok", "no error if the file does not exist"),
          Map.entry("--every", "start a round every SECONDS (e.g. 0.1), however long one takes"),
          Map.entry("forever", "repeat: no count; until break, an error or Ctrl-C"),
          Map.entry("if", "break if CONDITION: only when the previous command's result is so"),
          Map.entry("--echo", "send back every byte; close after the peer's EOF"),
          Map.entry("--reply", "answer each chunk (or datagram) with DATA"),
          Map.entry("--rules", "answer by the rules added with on (/rules lists them)"),
          Map.entry("--max", "N: stop serving after N connections (or datagrams)"),
          Map.entry("--trace", "tell each chunk as an event: direction, size and bytes"),
          Map.entry("--hex", "show the traced bytes as a hex dump"),
          Map.entry("matches", "/REGEX/: what arrived, decoded, has a match (\\1 is a group)"),
          Map.entry("contains", "DATA: what arrived contains these bytes"),
          Map.entry("any", "anything arrived"),
          Map.entry("connect", "a connection was accepted (a greeting banner)"),
          Map.entry("eof", "the peer closed its side"),
          Map.entry("send", "DATA: send it back"),
          Map.entry("close", "close the connection (FIN)"),
          Map.entry("reset", "close the connection with an RST (SO_LINGER 0)"),
          Map.entry("--server", "tls: be the TLS server (on a listener: for every connection)"),
          Map.entry("--server-hostname", "tls: the name to send (SNI) and to check"),
          Map.entry("--insecure", "tls: check neither the certificate nor the name"),
          Map.entry("--cafile", "tls: trust the PEM certificates in PATH instead of the JDK's"),
          Map.entry("--alpn", "tls: offer or accept these protocols, e.g. h2,http/1.1"),
          Map.entry("--version", "tls: TLSv1.2 or TLSv1.3 only"),
          Map.entry("--cert", "tls: the PEM certificate (chain) to present"),
          Map.entry("--key", "tls: its PEM private key (if not in --cert's file)"),
          Map.entry("--self-signed", "tls --server: a fresh certificate in memory for CN"),
          Map.entry("--client-cert", "tls --server: ask clients for a certificate"),
          Map.entry("binary", "getpeercert: the certificate's DER bytes"),
          Map.entry("--all", "also closed sockets whose port the kernel still holds (TIME_WAIT)"),
          Map.entry("--ascii", "draw with plain ASCII (+-|<>) instead of box drawing"),
          Map.entry("--", "the sockets after it are checked for writing (WRITE)"),
          Map.entry("IPPROTO_TCP", "level of the TCP_* options"),
          Map.entry("IPPROTO_IP", "level of the IP_* options (IPv4)"),
          Map.entry("IPPROTO_IPV6", "level of the IPV6_* options"),
          Map.entry("SO_REUSEADDR", "1: bind a port whose old connection is in TIME_WAIT"),
          Map.entry("SO_REUSEPORT", "1: let several sockets bind the same port"),
          Map.entry("SO_KEEPALIVE", "1: probe an idle connection to notice a dead peer"),
          Map.entry("SO_BROADCAST", "1: allow sending to a broadcast address"),
          Map.entry("SO_RCVBUF", "size of the receive buffer in bytes"),
          Map.entry("SO_SNDBUF", "size of the send buffer in bytes"),
          Map.entry("SO_LINGER", "ONOFF SECONDS: close waits to send the rest; 1 0 resets"),
          Map.entry("SO_TYPE", "read-only: 1 for SOCK_STREAM, 2 for SOCK_DGRAM"),
          Map.entry("SO_ERROR", "read-only: the pending error (a connect's), then 0"),
          Map.entry("IPV6_V6ONLY", "1: an AF_INET6 socket refuses IPv4 (bind to [::1] sets it)"),
          Map.entry("TCP_NODELAY", "1: send small writes at once (no Nagle delay)"),
          Map.entry("IP_MULTICAST_TTL", "how many hops a multicast datagram may take"),
          Map.entry("IP_MULTICAST_LOOP", "1: receive your own multicast datagrams"),
          Map.entry("True", "blocking: calls wait until they can complete"),
          Map.entry("False", "non-blocking: calls that would wait raise BlockingIOError"));

  /** What the form {@code expect WORD} checks, in the session's language. */
  public static String expectForm(String word) {
    return Text.spec("expect." + word, EXPECT_FORMS.get(word));
  }

  /** The words after {@code expect} that name a form of check, with what each checks. */
  public static final Map<String, String> EXPECT_FORMS = expectForms();

  private static Map<String, String> expectForms() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("error", "error NAME: the previous command raised NAME");
    forms.put("timeout", "the previous command raised TimeoutError");
    forms.put("eof", "the previous recv reached EOF (b'')");
    forms.put("contains", "contains DATA: the result contains these bytes");
    forms.put("matches", "matches /REGEX/: the decoded result has a match");
    return Collections.unmodifiableMap(forms);
  }

  private static final Map<PyException, String> CLASSES =
      Map.ofEntries(
          Map.entry(PyException.BaseException, "catches everything, KeyboardInterrupt too"),
          Map.entry(PyException.Exception, "any error except KeyboardInterrupt"),
          Map.entry(PyException.KeyboardInterrupt, "Ctrl-C cancelled the call"),
          Map.entry(
              PyException.ValueError, "a value the call refuses, e.g. a closed socket in select"),
          Map.entry(PyException.UnicodeError, "text and bytes do not convert"),
          Map.entry(PyException.UnicodeEncodeError, "text the session encoding cannot write"),
          Map.entry(
              PyException.OverflowError,
              "a file too large for @PATH to read (sendfile sends any size)"),
          Map.entry(PyException.MemoryError, "the memory for a buffer of that size ran out"),
          Map.entry(PyException.TypeError, "the wrong kind of value, e.g. an int as DATA"),
          Map.entry(PyException.EOFError, "recv --frame: the stream ended inside a message"),
          Map.entry(PyException.OSError, "any error the OS reports: every errno symbol"),
          Map.entry(PyException.BlockingIOError, "a non-blocking call would have to wait"),
          Map.entry(PyException.ConnectionError, "refused, reset, aborted or broken pipe"),
          Map.entry(PyException.BrokenPipeError, "sending where the connection cannot carry it"),
          Map.entry(PyException.ConnectionAbortedError, "this side aborted the connection"),
          Map.entry(PyException.ConnectionRefusedError, ErrorDocs.REFUSED.meaning()),
          Map.entry(PyException.ConnectionResetError, ErrorDocs.PEER_RESET.meaning()),
          Map.entry(PyException.FileExistsError, "the path exists (AF_UNIX bind)"),
          Map.entry(PyException.FileNotFoundError, "no such file (@FILE, an AF_UNIX path)"),
          Map.entry(PyException.InterruptedError, "a signal interrupted the call"),
          Map.entry(PyException.IsADirectoryError, "a directory where a file was needed"),
          Map.entry(PyException.NotADirectoryError, "a file where a directory was needed"),
          Map.entry(PyException.PermissionError, "not allowed, e.g. a port below 1024"),
          Map.entry(PyException.TimeoutError, "the socket's timeout (settimeout) passed first"),
          Map.entry(PyException.gaierror, "a host name did not resolve (getaddrinfo)"),
          Map.entry(PyException.AttributeError, "the object has no such call (TLS's, without tls)"),
          Map.entry(PyException.SSLError, "TLS failed; OpenSSL's reason is in brackets"),
          Map.entry(PyException.SSLZeroReturnError, "the TLS connection was closed (close_notify)"),
          Map.entry(PyException.SSLEOFError, "the connection ended in the middle of TLS"),
          Map.entry(PyException.SSLWantReadError, "a non-blocking TLS call must read first"),
          Map.entry(PyException.SSLWantWriteError, "a non-blocking TLS call must write first"),
          Map.entry(
              PyException.SSLCertVerificationError,
              "the peer's certificate or name did not verify (--cafile, --insecure)"));

  /** The keys of the translations of these meanings ({@code constant.SO_REUSEADDR}…). */
  static Set<String> specKeys() {
    Set<String> keys = new TreeSet<>();
    CONSTANTS.keySet().forEach(name -> keys.add("constant." + name));
    CLASSES.keySet().forEach(p -> keys.add("class." + p.name()));
    keys.addAll(List.of("class.other", "class.TimeoutError.errno", "class.errnos"));
    EXPECT_FORMS.keySet().forEach(form -> keys.add("expect." + form));
    return keys;
  }

  /** What {@code name} means, or null if it is none of the names sockshell knows. */
  public static String meaning(String name) {
    String constant = CONSTANTS.get(name);
    if (constant != null) {
      return Text.spec("constant." + name, constant);
    }
    String setting = SetCommands.meaning(name);
    if (setting != null) {
      return setting;
    }
    for (Errno e : Errno.values()) {
      if (e.name().equals(name)) {
        return e.pythonClass().pythonName() + ": " + e.message();
      }
    }
    return PyException.byName(name)
        .filter(p -> p.name().equals(name))
        .map(ConstantDocs::classMeaning)
        .orElse(null);
  }

  /** A Python class's meaning, with the errno symbols that raise it. */
  private static String classMeaning(PyException p) {
    String errnos =
        Arrays.stream(Errno.values())
            .filter(e -> e.pythonClass() == p)
            .map(Errno::name)
            .collect(Collectors.joining(", "));
    String meaning =
        CLASSES.containsKey(p)
            ? Text.spec("class." + p.name(), CLASSES.get(p))
            : Text.spec("class.other", "a Python exception");
    if (p == PyException.TimeoutError) {
      // settimeout's expiry is CPython's own TimeoutError('timed out'), whose errno is None;
      // ETIMEDOUT is the kernel's, for a peer that stopped answering.
      return Text.spec(
          "class.TimeoutError.errno",
          "{0} (errno None); errno ETIMEDOUT when the OS itself gave up on a peer that stopped"
              + " answering",
          meaning);
    }
    boolean listed = !errnos.isEmpty() && p != PyException.OSError;
    return listed ? Text.spec("class.errnos", "{0}; errno {1}", meaning, errnos) : meaning;
  }

  /**
   * The names {@code expect error} accepts: Python's classes, then errno symbols (without the
   * aliases EWOULDBLOCK and ENOTSUP).
   */
  public static List<String> errorNames() {
    List<String> names = new ArrayList<>();
    for (PyException p : PyException.values()) {
      names.add(p.name());
    }
    for (Errno e : Errno.values()) {
      names.add(e.name());
    }
    return names;
  }
}
