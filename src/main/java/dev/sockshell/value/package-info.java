/**
 * The values commands return and the session keeps as {@code $N}. Depends on {@code bytes} and on
 * {@code net}'s address type only.
 */
package dev.sockshell.value;
