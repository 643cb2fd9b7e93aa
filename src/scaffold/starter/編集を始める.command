#!/bin/sh
# Starts the editing desk of this site (renkei serve --open): double-click this file.
cd "$(dirname "$0")" || exit 1
if [ -x ./renkei ]; then
  exec ./renkei serve --open
fi
exec renkei serve --open
