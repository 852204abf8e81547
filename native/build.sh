#!/bin/sh
# Builds the live-capture helper into OUT_DIR/native/<os>-<arch>/ when gcc and libpcap's headers are
# here; otherwise says why and leaves it out (ucaudit then uses pcap4j's loop). Never fails the build.
OUT_DIR="${1:-target/classes}"
SRC="$(dirname "$0")/ucaudit_capture.c"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PLATFORM=linux-x86_64 ;;
  Linux-aarch64) PLATFORM=linux-aarch64 ;;
  *) echo "ucaudit: native capture helper not built (platform $(uname -s)-$(uname -m) not supported); live capture will use pcap4j's loop"; exit 0 ;;
esac
CC="${CC:-gcc}"
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "ucaudit: native capture helper not built (no $CC); live capture will use pcap4j's loop"; exit 0
fi
if ! printf '#include <pcap/pcap.h>\nint main(void){return 0;}\n' | "$CC" -x c -fsyntax-only - 2>/dev/null; then
  echo "ucaudit: native capture helper not built (libpcap headers missing: apt-get install libpcap-dev); live capture will use pcap4j's loop"; exit 0
fi
DEST="$OUT_DIR/native/$PLATFORM"
mkdir -p "$DEST" || exit 0
LIB="$DEST/libucaudit_capture.so"
if [ -f "$LIB" ] && [ "$LIB" -nt "$SRC" ]; then exit 0; fi
if "$CC" -O2 -Wall -shared -fPIC -o "$LIB.tmp" "$SRC" -lpcap; then
  mv "$LIB.tmp" "$LIB"
else
  rm -f "$LIB.tmp"
  echo "ucaudit: native capture helper failed to compile; live capture will use pcap4j's loop"
fi
exit 0
