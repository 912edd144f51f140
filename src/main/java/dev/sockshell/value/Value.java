package dev.sockshell.value;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.Family;
import dev.sockshell.net.SockAddress;
import java.util.List;

/**
 * What a command returns, as the Python call would: bytes, a count, an address, a pair such as
 * accept's {@code (conn, addr)}. Values are kept as {@code $N} and can be used again as data or
 * addresses.
 */
public sealed interface Value {
  Value NONE = new None();

  record Bytes(ByteString bytes) implements Value {}

  record Int(long value) implements Value {}

  record Float(double value) implements Value {}

  record Bool(boolean value) implements Value {}

  record Str(String text) implements Value {}

  record None() implements Value {}

  record Address(SockAddress address) implements Value {
    /**
     * The items of Python's address tuple, {@code (host, port)} or for IPv6 {@code (host, port,
     * flowinfo, scope_id)}, so {@code $1[1]} is the port; null for an AF_UNIX path (a str).
     */
    public List<Value> items() {
      if (!(address instanceof SockAddress.Inet inet)) {
        return null;
      }
      Value host = new Str(inet.host());
      Value port = new Int(inet.port());
      return inet.family() == Family.AF_INET6
          ? List.of(host, port, new Int(0), new Int(inet.scopeId()))
          : List.of(host, port);
    }
  }

  /** A socket of the session, by name (accept's first element). */
  record SocketRef(String name) implements Value {}

  /** A Python list, such as each of select's three results. */
  record PyList(List<Value> items) implements Value {
    public PyList {
      items = List.copyOf(items);
    }
  }

  /** A Python dict, its entries in order. */
  record PyDict(List<Entry> entries) implements Value {
    public PyDict {
      entries = List.copyOf(entries);
    }

    /** One key and its value. */
    public record Entry(Value key, Value value) {}
  }

  record Tuple(List<Value> items) implements Value {
    public Tuple {
      items = List.copyOf(items);
    }

    public static Tuple of(Value... items) {
      return new Tuple(List.of(items));
    }
  }

  /** The Python type name, for messages such as "$3 is an int, not bytes". */
  default String typeName() {
    if (this instanceof Bytes) {
      return "bytes";
    } else if (this instanceof Int) {
      return "int";
    } else if (this instanceof Float) {
      return "float";
    } else if (this instanceof Bool) {
      return "bool";
    } else if (this instanceof Str) {
      return "str";
    } else if (this instanceof None) {
      return "NoneType";
    } else if (this instanceof Address a) {
      // Python's addresses are tuples, and AF_UNIX paths str.
      return a.address() instanceof SockAddress.Unix ? "str" : "tuple";
    } else if (this instanceof SocketRef) {
      return "socket";
    } else if (this instanceof PyList) {
      return "list";
    } else if (this instanceof PyDict) {
      return "dict";
    }
    return "tuple";
  }
}
