package dev.sockshell.python;

/** Python's range: start, stop and step, computed lazily. */
record PyRange(long start, long stop, long step) {
  long length() {
    if (step > 0 && start < stop) {
      return (stop - start - 1) / step + 1;
    } else if (step < 0 && start > stop) {
      return (start - stop - 1) / -step + 1;
    }
    return 0;
  }

  long get(long i) {
    return start + i * step;
  }
}
