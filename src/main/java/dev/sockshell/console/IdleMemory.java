package dev.sockshell.console;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Lets a console that sits at its prompt give memory back. On a large machine the JVM sizes its
 * heap for the machine (a quarter of the RAM at most) and keeps what a burst of work (ten thousand
 * sockets, a long {@code /list}) touched, although sockshell itself keeps little. Three HotSpot
 * flags that may be changed at run time fix that: a garbage collection when the console has been
 * idle for a while, after which G1 returns free heap to the OS. Options cannot be passed through
 * {@code java -jar}, so they are set here.
 */
final class IdleMemory {
  /** After this long without a collection, the JVM runs one and can shrink the heap. */
  private static final String IDLE_MILLIS = "3000";

  private IdleMemory() {}

  static void giveBackWhenIdle() {
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      hotspot.setVMOption("MinHeapFreeRatio", "10");
      hotspot.setVMOption("MaxHeapFreeRatio", "30");
      hotspot.setVMOption("G1PeriodicGCInterval", IDLE_MILLIS);
    } catch (RuntimeException | LinkageError e) {
      // Another collector, or no management module: the JVM keeps its defaults.
    }
  }
}
