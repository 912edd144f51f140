/**
 * The commands: one {@link dev.sockshell.commands.CommandSpec} per command (parser, help, Python
 * equivalent, handler), grouped in one class per family. Depends on {@code lang}, {@code net},
 * {@code value} and {@code render}; never on JLine or the loop that runs it.
 */
package dev.sockshell.commands;
