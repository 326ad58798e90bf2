#!/usr/bin/env bash
# Builds every package of Proyeksi Bidan from a clean checkout (Debian 12, as
# root): the Windows installer and portable zip, then the Linux .deb and
# .tar.gz, all into dist/. Each script installs what it needs.
set -euo pipefail
cd "$(dirname "$0")"
bash build-windows.sh
bash build-linux.sh
ls -l ../dist
