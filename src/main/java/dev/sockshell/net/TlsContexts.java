package dev.sockshell.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The session's {@link TlsContext}s, one per setting: building one reads the JDK's trust store
 * (some 150 certificates), which costs more than the handshake itself, so a script that connects
 * and wraps a hundred times builds it once. A file named in the setting that changed since makes a
 * new one. A {@code --self-signed} setting is never reused: each is a fresh certificate.
 */
final class TlsContexts {
  private record Key(TlsSettings settings, long cafile, long cert, long key) {}

  private final Map<Key, TlsContext> built = new HashMap<>();

  TlsContext get(TlsSettings settings) throws SocketError {
    if (settings.selfSigned() != null) {
      return TlsContext.of(settings);
    }
    TlsSettings shared =
        new TlsSettings(
            settings.server(),
            null, // the host name is the connection's, not the context's
            settings.insecure(),
            settings.cafile(),
            settings.alpn(),
            settings.version(),
            settings.cert(),
            settings.key(),
            null,
            settings.clientCert());
    Key key =
        new Key(
            shared,
            modified(settings.cafile()),
            modified(settings.cert()),
            modified(settings.key()));
    TlsContext context = built.get(key);
    if (context == null) {
      context = TlsContext.of(shared);
      built.put(key, context);
    }
    return context;
  }

  private static long modified(Path path) {
    try {
      return path == null ? 0 : Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }
}
