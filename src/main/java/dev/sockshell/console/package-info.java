/**
 * The interactive console: JLine line editing, history, colour (Jansi), Ctrl-C. The only package
 * that imports {@code org.jline}; it feeds lines to {@code repl.Shell} like any other source.
 */
package dev.sockshell.console;
