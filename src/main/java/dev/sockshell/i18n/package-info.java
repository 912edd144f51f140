/**
 * The words sockshell says to a person, in the language of the session: {@link Text} looks a
 * message up by key in the bundles under {@code src/main/resources/dev/sockshell/i18n} (UTF-8
 * {@code .properties}, one file per language) and fills in its {@code {0}}, {@code {1}}… Depends on
 * nothing else in sockshell, so every layer may use it.
 */
package dev.sockshell.i18n;
