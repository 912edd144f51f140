/**
 * Entry point: choosing console, scripts or a Python program, and the exit status. Above every
 * layer, and used by none: the command line it reads is {@code repl.Options}.
 */
package dev.sockshell;
