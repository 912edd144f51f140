package dev.sockshell.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * A peer's certificate as Python's {@code getpeercert()} describes it: the subject and issuer as
 * tuples of relative distinguished names with OpenSSL's long attribute names ({@code commonName}),
 * the serial number in upper-case hex, the dates as OpenSSL prints them ({@code Jan 5 09:00:00 2026
 * GMT}), and the subjectAltName pairs ({@code ('DNS', 'localhost')}).
 *
 * @param subject each RDN a list of (name, value) pairs, in the certificate's order
 * @param issuer likewise
 * @param subjectAltName (type, value) pairs: {@code DNS}, {@code IP Address}, {@code email}, {@code
 *     URI}
 */
public record TlsPeer(
    List<List<List<String>>> subject,
    List<List<List<String>>> issuer,
    int version,
    String serialNumber,
    String notBefore,
    String notAfter,
    List<List<String>> subjectAltName) {

  private static final Map<String, String> LONG_NAMES =
      Map.ofEntries(
          Map.entry("CN", "commonName"),
          Map.entry("C", "countryName"),
          Map.entry("ST", "stateOrProvinceName"),
          Map.entry("L", "localityName"),
          Map.entry("O", "organizationName"),
          Map.entry("OU", "organizationalUnitName"),
          Map.entry("STREET", "streetAddress"),
          Map.entry("DC", "domainComponent"),
          Map.entry("UID", "userId"),
          Map.entry("EMAILADDRESS", "emailAddress"),
          Map.entry("SERIALNUMBER", "serialNumber"));

  private static final Map<String, String> KEYWORDS =
      Map.of("1.2.840.113549.1.9.1", "EMAILADDRESS", "2.5.4.5", "SERIALNUMBER");

  private static final DateTimeFormatter OPENSSL_DATE =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  static TlsPeer of(X509Certificate c) {
    return new TlsPeer(
        rdns(c.getSubjectX500Principal()).stream().map(List::of).toList(),
        rdns(c.getIssuerX500Principal()).stream().map(List::of).toList(),
        c.getVersion(),
        serial(c.getSerialNumber()),
        opensslDate(c.getNotBefore()),
        opensslDate(c.getNotAfter()),
        altNames(c));
  }

  /** {@code Jan 5 09:00:00 2026 GMT}. */
  static String opensslDate(Date date) {
    return OPENSSL_DATE.format(date.toInstant());
  }

  /** OpenSSL's hex of a serial: upper case, an even number of digits. */
  private static String serial(BigInteger serial) {
    String hex = serial.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 1 ? "0" + hex : hex;
  }

  /** The (long name, value) pairs of {@code principal}, in the certificate's order. */
  static List<List<String>> rdns(X500Principal principal) {
    List<List<String>> pairs = new ArrayList<>();
    try {
      List<Rdn> rdns = new LdapName(principal.getName(X500Principal.RFC2253, KEYWORDS)).getRdns();
      for (Rdn rdn : rdns) { // LdapName lists them from the last in the string: the first RDN
        String type = rdn.getType().toUpperCase(Locale.ROOT);
        Object value = rdn.getValue();
        pairs.add(
            List.of(
                LONG_NAMES.getOrDefault(type, rdn.getType()),
                value instanceof String s ? s : String.valueOf(value)));
      }
    } catch (InvalidNameException e) {
      pairs.add(List.of("name", principal.getName()));
    }
    return pairs;
  }

  private static List<List<String>> altNames(X509Certificate c) {
    List<List<String>> names = new ArrayList<>();
    try {
      if (c.getSubjectAlternativeNames() == null) {
        return names;
      }
      for (List<?> san : c.getSubjectAlternativeNames()) {
        String value = String.valueOf(san.get(1));
        switch ((Integer) san.get(0)) {
          case 1 -> names.add(List.of("email", value));
          case 2 -> names.add(List.of("DNS", value));
          case 6 -> names.add(List.of("URI", value));
          case 7 -> names.add(List.of("IP Address", ipText(value)));
          default -> {}
        }
      }
    } catch (CertificateParsingException e) {
      // Python leaves out what OpenSSL cannot parse too.
    }
    return names;
  }

  /** OpenSSL's text of an IP: dotted quad, or eight upper-case hex groups without compression. */
  private static String ipText(String literal) {
    InetAddress ip = TlsTrust.ipLiteral(literal);
    if (ip == null || ip.getAddress().length == 4) {
      return literal;
    }
    byte[] b = ip.getAddress();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      sb.append(i == 0 ? "" : ":")
          .append(
              Integer.toHexString((b[i] & 0xff) << 8 | b[i + 1] & 0xff).toUpperCase(Locale.ROOT));
    }
    return sb.toString();
  }

  /** The names a certificate is for, for a hint: {@code 'localhost', '127.0.0.1'}. */
  static String names(X509Certificate c) {
    List<String> names = new ArrayList<>();
    for (List<String> san : altNames(c)) {
      if (!san.get(0).equals("email")) {
        names.add("'" + san.get(1) + "'");
      }
    }
    if (names.isEmpty()) {
      String cn = TlsTrust.commonName(c.getSubjectX500Principal());
      names.add(cn == null ? "no name" : "'" + cn + "'");
    }
    return String.join(", ", names);
  }

  /**
   * OpenSSL's name of a cipher suite, which Python's {@code cipher()} shows: TLS 1.3's are the IANA
   * names the JDK uses; TLS 1.2's are OpenSSL's own ({@code ECDHE-RSA-AES128-GCM-SHA256}).
   */
  static String opensslCipher(String iana) {
    if (!iana.contains("_WITH_")) {
      return iana;
    }
    String kx = iana.substring("TLS_".length(), iana.indexOf("_WITH_"));
    String rest = iana.substring(iana.indexOf("_WITH_") + "_WITH_".length());
    String cipher;
    String mac;
    if (rest.startsWith("CHACHA20_POLY1305")) {
      cipher = "CHACHA20-POLY1305";
      mac = "";
    } else {
      int last = rest.lastIndexOf('_');
      mac = rest.substring(last + 1);
      cipher =
          rest.substring(0, last)
              .replace("AES_128", "AES128")
              .replace("AES_256", "AES256")
              .replace("_CBC", "")
              .replace('_', '-');
    }
    StringBuilder name = new StringBuilder();
    if (!kx.equals("RSA")) {
      name.append(kx.replace('_', '-')).append('-');
    }
    name.append(cipher);
    if (!mac.isEmpty()) {
      name.append('-').append(mac);
    }
    return name.toString();
  }

  /** The secret bits of a suite's cipher, Python's third element of {@code cipher()}. */
  static int cipherBits(String iana) {
    return iana.contains("AES_128") ? 128 : iana.contains("3DES") ? 168 : 256;
  }
}
