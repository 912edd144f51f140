package dev.sockshell;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C for scripts running in a terminal: SIGINT calls a handler instead of killing the JVM, so a
 * blocked call is cancelled and the script stops with KeyboardInterrupt at its line, as a Python
 * program would. The console does the same through JLine's terminal. The JDK's signal API is {@code
 * sun.misc.Signal}, reached by reflection: compiled against directly it is an internal-API warning
 * that cannot be suppressed.
 */
final class Interrupts {
  private Interrupts() {}

  /** Calls {@code handler} on each SIGINT; false if this JVM cannot (then Ctrl-C kills it). */
  static boolean onSigint(Runnable handler) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
      InvocationHandler call =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              handler.run();
            }
            return null;
          };
      Object proxy =
          Proxy.newProxyInstance(
              handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, call);
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, sigint, proxy);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
