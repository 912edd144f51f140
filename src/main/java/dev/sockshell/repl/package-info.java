/**
 * The loop every source of lines shares (console, script file, stdin, /open): read, parse, run,
 * report, and the rules for stopping a script. Depends on {@code commands} and below.
 */
package dev.sockshell.repl;
