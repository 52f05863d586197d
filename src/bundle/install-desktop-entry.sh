#!/bin/sh
# Adds ConnLab to your applications menu (this user only), pointing at this folder.
# Run it again after moving the folder; remove ~/.local/share/applications/connlab.desktop to undo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
# The desktop entry spec quotes with double quotes and escapes ", `, $ and \ inside them.
quoted=$(printf '%s' "$here" | sed -e 's/[\\"`$]/\\\\&/g')
cat > "$apps/connlab.desktop" <<ENTRY
[Desktop Entry]
Type=Application
Version=1.0
Name=ConnLab
Comment=WebSocket, long polling and pooled connections, live and side by side
Exec="$quoted/bin/connlab"
Icon=$here/connlab.png
Terminal=false
Categories=Education;Network;Development;
ENTRY
echo "ConnLab is in your applications menu: $apps/connlab.desktop"
