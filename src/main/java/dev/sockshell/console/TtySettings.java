package dev.sockshell.console;

import java.util.Locale;
import java.util.Set;
import org.jline.nativ.CLibrary;

/**
 * The terminal's settings ({@code stty -a}) as the kernel holds them, saved before JLine changes
 * them and put back exactly when the console ends.
 *
 * <p>JLine cannot put them back itself: it keeps them as its own {@code Attributes}, which have no
 * line speed and no line discipline, so its restore writes speed 0 and whatever its native code
 * left on the stack as the line discipline ({@code speed 0 baud … line = 6} after sockshell, where
 * it read {@code speed 38400 baud … line = 0} before). On Linux the kernel's {@code struct termios}
 * is saved and written back whole ({@code TCGETS}/{@code TCSETSW}, through the {@code ioctl} of
 * JLine's native library, which is loaded already); elsewhere {@code tcgetattr}/{@code tcsetattr},
 * which keep the speeds (BSD and macOS have no line discipline field).
 */
final class TtySettings {
  private static final int STDIN = 0;

  /** Linux's generic ioctls (x86, ARM, RISC-V, s390, LoongArch; not PowerPC, MIPS, SPARC). */
  private static final long TCGETS = 0x5401;

  private static final long TCSETSW = 0x5403; // after the output drains, as stty does

  private static final Set<String> GENERIC_IOCTL_ARCHES =
      Set.of(
          "amd64",
          "x86_64",
          "x86",
          "i386",
          "i686",
          "aarch64",
          "arm",
          "riscv64",
          "s390x",
          "loongarch64");

  /** The kernel's struct termios is 36 bytes there (4 flags, c_line, 19 control characters). */
  private static final int KERNEL_TERMIOS_INTS = 10;

  /** Nothing saved: the terminal is not a tty, or the native library is not there. */
  private static final TtySettings NONE = new TtySettings(null, null);

  private final int[] kernel;
  private final CLibrary.Termios posix;

  private TtySettings(int[] kernel, CLibrary.Termios posix) {
    this.kernel = kernel;
    this.posix = posix;
  }

  /** The settings of the terminal on stdin now; nothing if they cannot be read. */
  static TtySettings save() {
    try {
      if (CLibrary.isatty(STDIN) == 0) {
        return NONE;
      }
      if (linuxGenericIoctls()) {
        int[] termios = new int[KERNEL_TERMIOS_INTS];
        return CLibrary.ioctl(STDIN, TCGETS, termios) == 0 ? new TtySettings(termios, null) : NONE;
      }
      CLibrary.Termios termios = new CLibrary.Termios();
      return CLibrary.tcgetattr(STDIN, termios) == 0 ? new TtySettings(null, termios) : NONE;
    } catch (LinkageError noNativeLibrary) {
      return NONE; // JLine fell back to another provider; its own restore is all there is
    }
  }

  /** Puts the saved settings back; harmless to call again. */
  void restore() {
    try {
      if (kernel != null) {
        CLibrary.ioctl(STDIN, TCSETSW, kernel.clone());
      } else if (posix != null) {
        CLibrary.tcsetattr(STDIN, CLibrary.TCSADRAIN, posix);
      }
    } catch (LinkageError e) {
      // save() worked, so the library is there; nothing more can be done without it.
    }
  }

  private static boolean linuxGenericIoctls() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return os.startsWith("linux") && GENERIC_IOCTL_ARCHES.contains(arch);
  }
}
