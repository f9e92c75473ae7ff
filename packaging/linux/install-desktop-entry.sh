#!/bin/sh
# Puts fieldkit in the desktop's applications menu: a desktop entry whose Exec and Icon
# are the absolute paths of this folder's `fieldkit` and icon, so run it again after
# moving the folder.
#
#   ./install-desktop-entry.sh            for this user   (~/.local/share/applications)
#   sudo ./install-desktop-entry.sh --system   for every user (/usr/share/applications)
#   ./install-desktop-entry.sh --remove [--system]
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
program="$here/fieldkit"
icon="$here/_internal/resources/icons/fieldkit-256.png"
template="$here/_internal/packaging/fieldkit.desktop"
folder="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
remove=no
for argument in "$@"; do
  case "$argument" in
    --system) folder=/usr/share/applications ;;
    --remove) remove=yes ;;
    *) echo "Tuỳ chọn không rõ / unknown option: $argument (--system, --remove)" >&2; exit 2 ;;
  esac
done
entry="$folder/fieldkit.desktop"
if [ "$remove" = yes ]; then
  rm -f "$entry"
  echo "Đã gỡ / removed: $entry"
  exit 0
fi
# The paths go into the entry as they are: refused if they hold a character the entry's
# Exec line or this script's sed would read otherwise.
case "$here" in
  *[\"\`\$\\%\|\&]*|*"
"*)
    echo "Đường dẫn thư mục có ký tự mục trình đơn không chứa được (\" \` \$ \\ % | &): đổi tên rồi chạy lại: $here" >&2
    echo "The folder's path holds a character a menu entry cannot (\" \` \$ \\ % | &): rename it and run this again: $here" >&2
    exit 2 ;;
esac
for file in "$program" "$icon" "$template"; do
  if [ ! -f "$file" ]; then
    echo "Thiếu / missing: $file (chạy script này trong thư mục fieldkit đã build / run it in the built fieldkit folder)" >&2
    exit 2
  fi
done
if ! mkdir -p "$folder" 2>/dev/null || [ ! -w "$folder" ]; then
  echo "Không ghi được vào / cannot write to: $folder (--system cần sudo / --system needs sudo)" >&2
  exit 2
fi
sed -e "s|@EXEC@|$program|" -e "s|@ICON@|$icon|" "$template" > "$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$folder" 2>/dev/null || true
echo "Đã cài / installed: $entry"
