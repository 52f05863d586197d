#!/bin/sh
# ConnLab's launcher on Linux (bin/connlab): starts the app's own launcher beside it
# (bin/connlab-launcher) in a locale the Java runtime can read this folder's path in.
#
# Java reads file names in the locale's character set. With no locale at all (no LANG, as
# `env -i`, cron and some desktop launchers start programs) or a non-UTF-8 one, a folder named
# in Chinese (or any non-ASCII letters) cannot be read, and the runtime dies at once with
# "Error loading java.security file". So, only when this folder's path is not plain ASCII and
# the character set is not UTF-8, the character type (LC_CTYPE) is set to a UTF-8 locale; the
# language the window speaks (LC_MESSAGES, LANG) is left as it was. Without any UTF-8 locale on
# the machine it says in one line what to do.
self=$0
# a symbolic link to this script (e.g. in ~/bin): follow it to the bundle
while [ -L "$self" ]; do
  link=$( (readlink "$self" || /bin/readlink "$self" || /usr/bin/readlink "$self") 2>/dev/null) || break
  case $link in
    /*) self=$link ;;
    *) self=${self%/*}/$link ;;
  esac
done
case $self in
  */*) bin=${self%/*} ;;
  *) bin=. ;;
esac
launcher=$bin/connlab-launcher

locale_tool() {
  for l in locale /usr/bin/locale /bin/locale; do
    "$l" "$@" 2>/dev/null && return 0
  done
  return 1
}

is_utf8() {
  case $1 in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) return 0 ;;
    *) return 1 ;;
  esac
}

# Bytes outside printable ASCII in the path: the folder is named in another script.
case $bin in
  *[!\ -~]*)
    # the character set in force, as the runtime will see it (the locale tool knows a missing
    # locale falls back to ASCII); without the tool, the environment's own word for it
    charset=$(locale_tool charmap) || charset=${LC_ALL:-${LC_CTYPE:-${LANG:-}}}
    if ! is_utf8 "$charset"; then
      utf8=
      # C.UTF-8 first: glibc 2.35 and later have it built in, Debian and Ubuntu long before
      for candidate in C.UTF-8 C.utf8 $(locale_tool -a); do
        is_utf8 "$candidate" || continue
        if [ "$(LC_ALL=$candidate locale_tool charmap)" = UTF-8 ]; then utf8=$candidate; break; fi
        # no locale tool to ask: C.UTF-8 is the best guess
        locale_tool charmap >/dev/null || { utf8=$candidate; break; }
      done
      if [ -z "$utf8" ]; then
        echo "ConnLab cannot start from a folder whose name is not plain ASCII ($bin) without a UTF-8 locale: move the ConnLab folder to a plain name (e.g. ~/connlab), or install a UTF-8 locale and set LANG to it" >&2
        exit 1
      fi
      if [ -n "${LC_ALL:-}" ]; then
        # LC_ALL outranks LC_CTYPE: hand its choice to LANG (the language stays) and step aside
        LANG=$LC_ALL
        export LANG
        unset LC_ALL
      fi
      LC_CTYPE=$utf8
      export LC_CTYPE
    fi
    ;;
esac
exec "$launcher" "$@"
