/**
 * Python's socket code run as sockshell calls: a lexer with INDENT/DEDENT, a Pratt parser, sealed
 * statement and expression records, and a tree-walking interpreter over a small object model whose
 * socket objects are the session's named sockets. Socket calls run through the same command
 * handlers as typed commands. Depends on {@code commands} and below; loaded only when a line is
 * Python.
 */
package dev.sockshell.python;
