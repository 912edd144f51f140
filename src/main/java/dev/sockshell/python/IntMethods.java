package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The methods of int that protocols use: {@code to_bytes}, {@code from_bytes}. */
final class IntMethods {

  private static final String BAD_BYTEORDER = "byteorder must be either 'little' or 'big'";

  private IntMethods() {}

  static Object method(Object self, String name) {
    BigInteger v = Nums.big(self);
    return switch (name) {
      case "to_bytes" -> new BoundMethod(self, name, (in, a, k) -> toBytes(v, a, k));
      case "bit_length" ->
          new BoundMethod(
              self,
              name,
              (in, a, k) -> {
                Args.none(name, a, k);
                return Nums.of(v.abs().bitLength());
              });
      case "real", "numerator" -> v;
      case "imag" -> BigInteger.ZERO;
      case "denominator" -> BigInteger.ONE;
      case "value" -> self instanceof IntConst ? v : null;
      case "name" -> self instanceof IntConst c ? c.name() : null;
      default -> null;
    };
  }

  private static Object toBytes(BigInteger v, List<Object> a, Map<String, Object> k) {
    Object[] args = Args.parse("to_bytes", a, k, 0, "length", "byteorder", "signed");
    int length = args[0] == null ? 1 : (int) Nums.index(args[0]);
    String order = args[1] == null ? "big" : Args.str(args[1], "to_bytes() argument 'byteorder'");
    boolean signed = args[2] != null && Ops.truthy(args[2]);
    if (!order.equals("big") && !order.equals("little")) {
      throw Errors.value(BAD_BYTEORDER);
    }
    if (length < 0) {
      throw Errors.value("length argument must be non-negative");
    }
    if (!signed && v.signum() < 0) {
      throw Errors.overflow("can't convert negative int to unsigned");
    }
    int bits = signed ? v.bitLength() + 1 : v.bitLength();
    if (bits > length * 8L) {
      throw Errors.overflow("int too big to convert");
    }
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[length - 1 - i] = v.shiftRight(8 * i).byteValue();
    }
    if (order.equals("little")) {
      for (int i = 0; i < length / 2; i++) {
        byte t = out[i];
        out[i] = out[length - 1 - i];
        out[length - 1 - i] = t;
      }
    }
    return ByteString.wrap(out);
  }

  /** {@code int.from_bytes(b, 'big', signed=False)}. */
  static Object fromBytes(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] args = Args.parse("from_bytes", a, k, 1, "bytes", "byteorder", "signed");
    ByteString b = Constructors.bytesOf(args[0]);
    String order = args[1] == null ? "big" : Args.str(args[1], "from_bytes() argument 'byteorder'");
    if (!order.equals("big") && !order.equals("little")) {
      throw Errors.value(BAD_BYTEORDER);
    }
    byte[] raw = b.toByteArray();
    if (order.equals("little")) {
      for (int i = 0; i < raw.length / 2; i++) {
        byte t = raw[i];
        raw[i] = raw[raw.length - 1 - i];
        raw[raw.length - 1 - i] = t;
      }
    }
    boolean signed = args[2] != null && Ops.truthy(args[2]);
    if (raw.length == 0) {
      return BigInteger.ZERO;
    }
    return signed ? new BigInteger(raw) : new BigInteger(1, raw);
  }
}
