package dev.sockshell.python;

import java.math.BigInteger;

/**
 * An int that is a member of one of the socket module's enums ({@code socket.AF_INET} is {@code
 * <AddressFamily.AF_INET: 2>}): it computes and compares as its value, prints as its value, and
 * shows its name in its repr.
 */
record IntConst(String enumName, String name, BigInteger value) {
  static IntConst of(String enumName, String name, long value) {
    return new IntConst(enumName, name, BigInteger.valueOf(value));
  }

  String repr() {
    return "<" + enumName + "." + name + ": " + value + ">";
  }
}
