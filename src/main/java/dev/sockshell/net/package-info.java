/**
 * Real OS sockets behind named, non-blocking JDK channels, with BSD's states and Python's errors.
 * Knows nothing of parsing or printing; depends only on {@code dev.sockshell.bytes}.
 */
package dev.sockshell.net;
