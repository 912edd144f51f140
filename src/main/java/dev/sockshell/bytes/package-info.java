/**
 * Immutable byte strings: the data that crosses a socket, shown the way Python shows bytes. Depends
 * on nothing else in sockshell.
 */
package dev.sockshell.bytes;
