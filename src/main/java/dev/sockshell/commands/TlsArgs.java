package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.TlsSettings;
import dev.sockshell.render.Repr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code tls}, in any order, checked together (a server needs a certificate, a
 * client certificate is a server's wish), and the Python that does the same.
 */
final class TlsArgs {
  private TlsArgs() {}

  static final List<String> OPTIONS =
      List.of(
          "--server",
          "--server-hostname",
          "--insecure",
          "--cafile",
          "--alpn",
          "--version",
          "--cert",
          "--key",
          "--self-signed",
          "--client-cert");

  static final Param OPTION = Param.constant("OPTION …", true, OPTIONS);

  // The values of the options that take one.
  private static final Param HOST = Param.of("HOST", Param.Kind.TEXT);
  private static final Param CAFILE = Param.of("PATH", Param.Kind.PATH);
  private static final Param CERT = Param.of("PATH", Param.Kind.PATH);
  private static final Param KEY = Param.of("PATH", Param.Kind.PATH);
  private static final Param ALPN = Param.of("P1,P2", Param.Kind.TEXT);
  private static final Param VERSION = Param.constant("VERSION", false, TlsSettings.VERSIONS);
  private static final Param COMMON_NAME = Param.optional("CN", Param.Kind.TEXT);
  private static final Param WHEN = Param.constant("WHEN", false, List.of("required", "optional"));

  private static final Map<String, TlsSettings.ClientCert> CLIENT_CERT =
      Map.of(
          "required", TlsSettings.ClientCert.REQUIRED, "optional", TlsSettings.ClientCert.OPTIONAL);

  /** {@code tls NAME [options]}, the options in any order. */
  static Command.Tls bind(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    boolean server = false;
    boolean insecure = false;
    String host = null;
    String cafile = null;
    List<String> alpn = List.of();
    String version = null;
    String cert = null;
    String key = null;
    String selfSigned = null;
    TlsSettings.ClientCert clientCert = TlsSettings.ClientCert.NONE;
    Token clientCertToken = null;
    Token hostToken = null;
    while (a.hasMore()) {
      Token t = a.next(OPTION, Text.get("tls.what.option"));
      switch (t.text()) {
        case "--server" -> server = true;
        case "--insecure" -> insecure = true;
        case "--server-hostname" -> {
          hostToken = t;
          host = value(a, HOST, Text.get("tls.what.hostname"));
        }
        case "--cafile" -> cafile = value(a, CAFILE, Text.get("tls.what.cafile"));
        case "--cert" -> cert = value(a, CERT, Text.get("tls.what.cert"));
        case "--key" -> key = value(a, KEY, Text.get("tls.what.key"));
        case "--alpn" -> alpn = alpn(a.next(ALPN, Text.get("tls.what.alpn")));
        case "--version" -> {
          Token v = a.next(VERSION, Text.get("tls.what.version"));
          version =
              TlsSettings.VERSIONS.stream()
                  .filter(x -> x.equalsIgnoreCase(v.text()))
                  .findFirst()
                  .orElseThrow(
                      () -> new UsageError(Text.get("usage.tls.version", v.text()), v.start()));
        }
        case "--self-signed" -> {
          boolean named = a.hasMore() && !a.peek().text().startsWith("--");
          selfSigned = named ? a.next(COMMON_NAME).text() : "localhost";
        }
        case "--client-cert" -> {
          clientCertToken = t;
          Token when = a.next(WHEN, Text.get("tls.what.client.cert"));
          clientCert = CLIENT_CERT.get(when.text().toLowerCase(Locale.ROOT));
          if (clientCert == null) {
            throw new UsageError(Text.get("usage.tls.client.cert", when.text()), when.start());
          }
        }
        default -> {
          String close = Suggest.closest(t.text(), OPTIONS);
          throw new UsageError(
              Text.get(
                  "usage.tls.option",
                  t.text(),
                  close != null ? Text.get("usage.did.you.mean", close) : ""),
              t.start());
        }
      }
    }
    if (server && cert == null && selfSigned == null) {
      throw UsageError.general(Text.get("usage.tls.server.cert"));
    }
    if (cert != null && selfSigned != null) {
      throw UsageError.general(Text.get("usage.tls.cert.both"));
    }
    if (key != null && cert == null) {
      throw UsageError.general(Text.get("usage.tls.key.alone"));
    }
    if (!server && selfSigned != null) {
      throw UsageError.general(Text.get("usage.tls.self.signed.client"));
    }
    if (!server && clientCertToken != null) {
      throw new UsageError(Text.get("usage.tls.client.cert.client"), clientCertToken.start());
    }
    if (server && hostToken != null) {
      throw new UsageError(Text.get("usage.tls.hostname.server"), hostToken.start());
    }
    if (insecure && cafile != null) {
      throw UsageError.general(Text.get("usage.tls.insecure.cafile"));
    }
    return new Command.Tls(
        name, server, host, insecure, cafile, alpn, version, cert, key, selfSigned, clientCert);
  }

  /** An option's value, without the quotes a shell habit may have put around it. */
  private static String value(Args a, Param param, String what) throws UsageError {
    String text = a.next(param, what).text();
    if (text.length() >= 2
        && (text.charAt(0) == '"' || text.charAt(0) == '\'')
        && text.endsWith(text.substring(0, 1))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  private static List<String> alpn(Token t) throws UsageError {
    List<String> protocols = new ArrayList<>();
    String text = t.text();
    if (text.length() >= 2
        && (text.charAt(0) == '"' || text.charAt(0) == '\'')
        && text.endsWith(text.substring(0, 1))) {
      text = text.substring(1, text.length() - 1); // --alpn "" is no protocol, not one named ""
    }
    for (String p : text.split(",", -1)) {
      if (p.isEmpty() || p.length() > 255) {
        throw new UsageError(Text.get("usage.tls.alpn"), t.start());
      }
      protocols.add(p);
    }
    return protocols;
  }

  static String python(Command.Tls c) {
    StringBuilder py = new StringBuilder();
    if (c.server()) {
      py.append("ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ");
      if (c.cert() != null) {
        py.append("ctx.load_cert_chain(").append(Repr.str(c.cert()));
        if (c.key() != null) {
          py.append(", ").append(Repr.str(c.key()));
        }
        py.append("); ");
      }
      if (c.clientCert() != TlsSettings.ClientCert.NONE) {
        py.append("ctx.verify_mode = ssl.CERT_").append(c.clientCert()).append("; ");
      }
    } else {
      py.append("ctx = ssl.create_default_context(")
          .append(c.cafile() != null ? "cafile=" + Repr.str(c.cafile()) : "")
          .append("); ");
      if (c.insecure()) {
        py.append("ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE; ");
      }
      if (c.cert() != null) {
        py.append("ctx.load_cert_chain(").append(Repr.str(c.cert()));
        py.append(c.key() != null ? ", " + Repr.str(c.key()) : "").append("); ");
      }
    }
    if (c.version() != null) {
      String v = "ssl.TLSVersion." + c.version().replace('.', '_');
      py.append("ctx.minimum_version = ctx.maximum_version = ").append(v).append("; ");
    }
    if (!c.alpn().isEmpty()) {
      py.append("ctx.set_alpn_protocols([");
      for (int i = 0; i < c.alpn().size(); i++) {
        py.append(i == 0 ? "" : ", ").append(Repr.str(c.alpn().get(i)));
      }
      py.append("]); ");
    }
    py.append(c.name()).append(" = ctx.wrap_socket(").append(c.name());
    if (c.server()) {
      py.append(", server_side=True");
    } else {
      // Python checks no name without one (check_hostname raises ValueError); sockshell's default
      // is the host connected to, which for an address is what getpeername() gives back.
      String host =
          c.serverHostname() != null
              ? Repr.str(c.serverHostname())
              : c.name() + ".getpeername()[0]";
      py.append(", server_hostname=").append(host);
    }
    return py.append(')').toString();
  }
}
