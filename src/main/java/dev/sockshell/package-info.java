/** Entry point: command-line options, choosing console or script mode, exit status. */
package dev.sockshell;
