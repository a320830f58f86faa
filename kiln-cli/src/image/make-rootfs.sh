#!/usr/bin/env bash
# Builds the root file system that the container image adds to an empty (scratch) base: a jlink'd
# Java runtime with just the modules Kiln needs (found by jdeps) under /opt/java, and the shared
# libraries that runtime links against, at their usual paths. No base image is pulled from anywhere.
# Usage: make-rootfs.sh TARGET_DIR LIB_DIR APP_JAR
set -euo pipefail
root="$1"; libs="$2"; app="$3"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
rm -rf "$root"
mkdir -p "$root/tmp" "$root/models" "$root/etc" "$root/proc"
modules="$("$java_home/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
  --class-path "$libs/*" "$app" 2>/dev/null || true)"
modules="${modules:-java.base,java.logging,java.sql,java.naming,java.management,java.net.http,java.desktop,jdk.unsupported}"
modules="$modules,jdk.crypto.ec,jdk.zipfs"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$root/opt/java"
# The shared libraries of the runtime's executable and core libraries, with the dynamic loader. The
# desktop libraries (AWT, fonts, sound; java.desktop comes in for java.beans) are never loaded by a
# headless server, so their X11 dependencies are left out.
# Native libraries that dependency jars unpack at run time (sqlite-jdbc, DuckDB) are scanned as well.
core=$(ls "$root"/opt/java/lib/*.so | grep -vE '/lib(awt|awt_xawt|fontmanager|jawt|javajpeg|lcms|mlib_image|splashscreen|jsound)\.so$')
natives="$(mktemp -d)"
for jar in "$libs"/*.jar; do
  unzip -qq -o "$jar" $(unzip -Z1 "$jar" | grep -iE '(linux[^/]*/(x86_64|amd64)|linux_amd64)/[^/]+\.so$') -d "$natives" 2>/dev/null || true
done
for lib in $(ldd "$root/opt/java/bin/java" $core "$root"/opt/java/lib/server/*.so $(find "$natives" -name '*.so') 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/lib/ {print $1}' | grep -v "^$root" | sort -u); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
rm -rf "$natives"
echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
echo "kiln:x:1000:1000:kiln:/tmp:/bin/sh" >> "$root/etc/passwd"
echo "modules: $modules"
du -sh "$root"
