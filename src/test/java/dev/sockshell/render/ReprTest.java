package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.value.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReprTest {
  /** Each right-hand side is what Python 3.11 prints for repr() of the same float. */
  @ParameterizedTest
  @CsvSource({
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.5, 0.5",
    "1e9, 1000000000.0",
    "1e15, 1000000000000000.0",
    "1e16, 1e+16",
    "1.5e16, 1.5e+16",
    "123.456, 123.456",
    "0.3333333333333333, 0.3333333333333333",
    "1e-300, 1e-300",
    "-0.25, -0.25",
    "0.00012345, 0.00012345",
    "0, 0.0"
  })
  void floatsLookAsPythonPrintsThem(double value, String python) {
    assertEquals(python, Repr.of(new Value.Float(value)));
  }
}
