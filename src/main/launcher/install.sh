#!/bin/sh
# Run by `mvn package` after the jar is built: puts the launcher next to it, and makes the class-
# data archive of the JDK that built it by starting the launcher once. An archive that cannot be
# made is a warning, never a failed build: the launcher then starts the jar without one.
#
#   install.sh TARGET_DIR JAVA_HOME
target=$1
export JAVA_HOME="$2"
here=${0%/*}

cp "$here/sockshell" "$target/sockshell" && chmod 755 "$target/sockshell" || exit 1
rm -rf "$target/sockshell.cds" # archives of the last jar: they would not be used with this one
if ! "$target/sockshell" --version >/dev/null 2>"$target/sockshell.cds.log"; then
  echo "[WARNING] target/sockshell --version failed: see $target/sockshell.cds.log"
else
  for archive in "$target/sockshell.cds/"*.jsa "$target/sockshell.cds/"*.aot; do
    if [ -f "$archive" ]; then
      rm -f "$target/sockshell.cds.log"
      exit 0
    fi
  done
  echo "[WARNING] no class-data archive for $JAVA_HOME: target/sockshell starts without one"
fi
exit 0
