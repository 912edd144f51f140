/**
 * The command language: lines become validated {@link dev.sockshell.lang.Command} values, with
 * errors that point at a column. Depends on {@code bytes} and on {@code net}'s constants only.
 */
package dev.sockshell.lang;
