package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.net.TlsPeer;
import dev.sockshell.net.TlsSettings;
import dev.sockshell.net.TlsState;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TLS on a stream socket, as Python's {@code ssl} does it: {@code tls} wraps a connected socket
 * (the handshake now) or a listening one (every connection it accepts), {@code unwrap} goes back to
 * plain bytes, and {@code version}, {@code cipher} and {@code getpeercert} say what was agreed.
 * Everything else (send, recv and its framing, sendfile, select, events) works on the socket as it
 * did: the bytes are encrypted underneath.
 */
final class TlsCommands {
  private TlsCommands() {}

  private static final Param BINARY = Param.constant("binary", true, List.of("binary"));

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("tls", Group.TLS, Command.Tls.class)
            .params(Params.NAME, TlsArgs.OPTION)
            .summary(
                "start TLS on a connected socket (the handshake now), or with --server on a listening"
                    + " one (every connection it accepts); the client checks the certificate and name")
            .example("tls cli --server-hostname example.com")
            .errors(
                new ErrorDoc(
                    "SSLCertVerificationError",
                    "the certificate is self-signed, expired, from an unknown CA, or for another"
                        + " name: --cafile PATH trusts it, --insecure skips the checks"),
                new ErrorDoc("SSLError", "WRONG_VERSION_NUMBER: the peer does not speak TLS there"),
                new ErrorDoc("SSLEOFError", "the peer closed in the middle of the handshake"),
                new ErrorDoc("TimeoutError", "the peer did not answer the handshake in time"),
                new ErrorDoc(
                    "ENOTCONN", "the socket is not connected (or listening, for --server)"),
                new ErrorDoc("FileNotFoundError", "no file at the PATH of --cafile, --cert, --key"))
            .binder(TlsArgs::bind)
            .python(TlsArgs::python)
            .runner(TlsCommands::tls)
            .build(),
        CommandSpec.command("unwrap", Group.TLS, Command.Unwrap.class)
            .params(Params.NAME)
            .summary(
                "end TLS: send close_notify, wait for the peer's, then send and receive plain bytes")
            .example("unwrap cli")
            .errors(
                new ErrorDoc("SSLEOFError", "the peer closed without close_notify"),
                new ErrorDoc("TimeoutError", "the peer's close_notify did not come in time"),
                ErrorDocs.NO_TLS)
            .binder(TlsCommands::bindUnwrap)
            .python(TlsCommands::pythonUnwrap)
            .runner(TlsCommands::unwrap)
            .build(),
        CommandSpec.command("getpeercert", Group.TLS, Command.GetPeerCert.class)
            .params(Params.NAME, BINARY)
            .summary(
                "the peer's certificate as Python's dict (subject, issuer, dates, names); {} when"
                    + " --insecure skipped the check, None when it sent none; binary: its DER bytes")
            .example("getpeercert cli")
            .errors(ErrorDocs.NO_TLS)
            .binder(TlsCommands::bindPeerCert)
            .python(TlsCommands::pythonPeerCert)
            .runner(TlsCommands::peerCert)
            .build(),
        CommandSpec.command("cipher", Group.TLS, Command.Cipher.class)
            .params(Params.NAME)
            .summary("the cipher agreed: (name, protocol, secret bits)")
            .example("cipher cli")
            .errors(ErrorDocs.NO_TLS)
            .binder(TlsCommands::bindCipher)
            .python(TlsCommands::pythonCipher)
            .runner(TlsCommands::cipher)
            .build(),
        CommandSpec.command("version", Group.TLS, Command.Version.class)
            .params(Params.NAME)
            .summary("the TLS version agreed: 'TLSv1.3' or 'TLSv1.2'")
            .example("version cli")
            .errors(ErrorDocs.NO_TLS)
            .binder(TlsCommands::bindVersion)
            .python(TlsCommands::pythonVersion)
            .runner(TlsCommands::version)
            .build());
  }

  private static String nameOnly(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    a.end();
    return name;
  }

  private static Command.Unwrap bindUnwrap(Args a) throws UsageError {
    return new Command.Unwrap(nameOnly(a));
  }

  private static Command.Cipher bindCipher(Args a) throws UsageError {
    return new Command.Cipher(nameOnly(a));
  }

  private static Command.Version bindVersion(Args a) throws UsageError {
    return new Command.Version(nameOnly(a));
  }

  private static String pythonUnwrap(Command.Unwrap c) {
    return c.name() + " = " + c.name() + ".unwrap()";
  }

  private static String pythonPeerCert(Command.GetPeerCert c) {
    return c.name() + ".getpeercert(" + (c.binary() ? "binary_form=True" : "") + ")";
  }

  private static String pythonCipher(Command.Cipher c) {
    return c.name() + ".cipher()";
  }

  private static String pythonVersion(Command.Version c) {
    return c.name() + ".version()";
  }

  private static Command.GetPeerCert bindPeerCert(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    boolean binary = false;
    if (a.hasMore()) {
      Token t = a.next(BINARY);
      if (!t.text().equals("binary") && !t.text().equals("True")) {
        throw new UsageError(Text.get("usage.getpeercert.option", t.text()), t.start());
      }
      binary = true;
    }
    a.end();
    return new Command.GetPeerCert(name, binary);
  }

  private static Outcome tls(Command.Tls c, Context ctx) throws UsageError, SocketError {
    StreamSocket s = stream(ctx, c.name());
    TlsSettings settings =
        new TlsSettings(
            c.server(),
            c.serverHostname(),
            c.insecure(),
            path(ctx, c.cafile()),
            c.alpn(),
            c.version(),
            path(ctx, c.cert()),
            path(ctx, c.key()),
            c.selfSigned(),
            c.clientCert());
    TlsState state = s.startTls(settings);
    if (!state.established()) {
      return new Outcome.Done(listenerMessage(c, state));
    }
    boolean verbose = ctx.settings().feedback() == Settings.Feedback.VERBOSE;
    return new Outcome.Done(Text.get("feedback.tls", c.name(), summary(state, verbose)));
  }

  /** {@code TLSv1.3, certificate verified}, with the cipher, ALPN and peer when verbose. */
  static String summary(TlsState state, boolean verbose) {
    StringBuilder sb = new StringBuilder(state.version());
    if (state.server()) {
      if (state.peer() != null) {
        sb.append(
            Text.get(state.verified() ? "tls.summary.client.verified" : "tls.summary.client"));
      }
    } else {
      sb.append(Text.get(state.verified() ? "tls.summary.verified" : "tls.summary.insecure"));
    }
    if (verbose) {
      sb.append(Text.get("tls.summary.cipher", state.cipher(), state.bits()));
      sb.append(
          state.alpn() == null
              ? Text.get("tls.summary.no.alpn")
              : Text.get("tls.summary.alpn", Repr.str(state.alpn())));
      if (state.peer() != null) {
        sb.append(Text.get("tls.summary.peer", subjectText(state.peer().subject())));
      }
    }
    return sb.toString();
  }

  private static String subjectText(List<List<List<String>>> rdns) {
    List<String> parts = new ArrayList<>();
    for (List<List<String>> rdn : rdns) {
      for (List<String> pair : rdn) {
        parts.add(pair.get(0) + "=" + pair.get(1));
      }
    }
    return parts.isEmpty() ? Text.get("tls.summary.no.subject") : String.join(", ", parts);
  }

  /**
   * What a listening socket's {@code tls --server} says: every connection it accepts is TLS, and
   * for {@code --self-signed} the fingerprint and where the certificate is, for clients to trust.
   */
  private static String listenerMessage(Command.Tls c, TlsState state) throws SocketError {
    if (state.selfSignedPem() == null) {
      return Text.get("feedback.tls.server", c.name());
    }
    Path pem = writeCertificate(c.name(), state);
    return Text.get(
        "feedback.tls.server.self.signed",
        c.name(),
        Repr.str(c.selfSigned()),
        state.selfSignedFingerprint(),
        pem);
  }

  /** The certificate (never the key) in a file for clients' {@code --cafile}; gone at exit. */
  private static Path writeCertificate(String name, TlsState state) throws SocketError {
    String prefix =
        "sockshell-" + name + "-" + state.selfSignedFingerprint().replace(":", "").substring(0, 8);
    try {
      Path file = Files.createTempFile(prefix.toLowerCase(Locale.ROOT), ".pem");
      Files.writeString(file, state.selfSignedPem(), StandardCharsets.US_ASCII);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw SocketError.python(PyException.OSError, Text.get("tls.certificate.unwritten", e));
    }
  }

  private static Outcome unwrap(Command.Unwrap c, Context ctx) throws UsageError, SocketError {
    StreamSocket s = stream(ctx, c.name());
    s.unwrapTls();
    int held = s.buffered();
    return new Outcome.Done(
        held > 0
            ? Text.get("feedback.unwrap.held", c.name(), held)
            : Text.get("feedback.unwrap", c.name()));
  }

  private static TlsState state(Context ctx, String name, String call)
      throws UsageError, SocketError {
    StreamSocket s = stream(ctx, name);
    TlsState state = s.tlsState();
    if (state == null) {
      throw s.notTls(call);
    }
    return state;
  }

  private static Outcome version(Command.Version c, Context ctx) throws UsageError, SocketError {
    TlsState state = state(ctx, c.name(), "version");
    return new Outcome.Returned(
        state.version() == null ? Value.NONE : new Value.Str(state.version()));
  }

  private static Outcome cipher(Command.Cipher c, Context ctx) throws UsageError, SocketError {
    TlsState state = state(ctx, c.name(), "cipher");
    if (!state.established()) {
      return new Outcome.Returned(Value.NONE);
    }
    return new Outcome.Returned(
        Value.Tuple.of(
            new Value.Str(state.cipher()),
            new Value.Str(state.version()),
            new Value.Int(state.bits())));
  }

  private static Outcome peerCert(Command.GetPeerCert c, Context ctx)
      throws UsageError, SocketError {
    TlsState state = state(ctx, c.name(), "getpeercert");
    if (!state.established() && !state.server()) {
      throw SocketError.python(PyException.ValueError, "handshake not done yet");
    }
    if (state.peer() == null) {
      return new Outcome.Returned(Value.NONE, Text.get("note.tls.no.cert"));
    }
    if (c.binary()) {
      return new Outcome.Returned(new Value.Bytes(ByteString.wrap(state.peerDer())));
    }
    if (!state.verified()) {
      // Python: "If the certificate was not validated, the dict is empty."
      return new Outcome.Returned(
          new Value.PyDict(List.of()),
          "not checked (--insecure), so Python shows nothing; getpeercert "
              + c.name()
              + " binary gives its bytes");
    }
    return new Outcome.Returned(dict(state.peer()));
  }

  /** Python's dict of a certificate, in the order {@code getpeercert()} gives its keys. */
  static Value dict(TlsPeer peer) {
    List<Value.PyDict.Entry> entries = new ArrayList<>();
    entries.add(entry("subject", names(peer.subject())));
    entries.add(entry("issuer", names(peer.issuer())));
    entries.add(entry("version", new Value.Int(peer.version())));
    entries.add(entry("serialNumber", new Value.Str(peer.serialNumber())));
    entries.add(entry("notBefore", new Value.Str(peer.notBefore())));
    entries.add(entry("notAfter", new Value.Str(peer.notAfter())));
    if (!peer.subjectAltName().isEmpty()) {
      entries.add(entry("subjectAltName", pairs(peer.subjectAltName())));
    }
    return new Value.PyDict(entries);
  }

  private static Value.PyDict.Entry entry(String key, Value value) {
    return new Value.PyDict.Entry(new Value.Str(key), value);
  }

  private static Value names(List<List<List<String>>> rdns) {
    List<Value> all = new ArrayList<>();
    for (List<List<String>> rdn : rdns) {
      all.add(pairs(rdn));
    }
    return new Value.Tuple(all);
  }

  private static Value pairs(List<List<String>> pairs) {
    List<Value> all = new ArrayList<>();
    for (List<String> pair : pairs) {
      all.add(Value.Tuple.of(new Value.Str(pair.get(0)), new Value.Str(pair.get(1))));
    }
    return new Value.Tuple(all);
  }

  private static Path path(Context ctx, String typed) {
    return typed == null ? null : ctx.baseDirectory().resolve(Path.of(typed));
  }

  private static StreamSocket stream(Context ctx, String name) throws UsageError, SocketError {
    NetSocket s = Eval.socket(ctx, name);
    if (s instanceof StreamSocket stream) {
      return stream;
    }
    throw SocketError.python(PyException.ValueError, "only SOCK_STREAM sockets can use TLS")
        .withHint(Text.get("hint.tls.dgram", name));
  }
}
