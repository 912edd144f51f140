/**
 * Work the session does on its own, on the background loop ({@code net.EventLoop}): served sockets,
 * automatic replies (rules) and relays, as small non-blocking state machines per socket, and the
 * events they report through one sink. Depends only on {@code bytes}, {@code codecs} and {@code
 * net}.
 */
package dev.sockshell.background;
