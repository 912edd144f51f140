/**
 * How values, bytes, addresses, errors and tables look: Python's repr, hex dumps, styled lines.
 * Depends on {@code bytes}, {@code value} and {@code net}'s value types; never on JLine.
 */
package dev.sockshell.render;
