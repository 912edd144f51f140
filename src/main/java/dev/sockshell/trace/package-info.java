/**
 * What happened on a session's sockets, as values: {@link dev.sockshell.trace.Trace} keeps the
 * {@link dev.sockshell.trace.TraceEvent}s (calls, sizes and first bytes, addresses, state changes,
 * failures, background work) in order and within a bound. The pictures ({@code /diagram}, SVG,
 * HTML) are drawn from it alone. Depends on {@code bytes} and {@code net}'s value types.
 */
package dev.sockshell.trace;
