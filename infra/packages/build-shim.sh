#!/usr/bin/env bash
# Packs the metapackage in shim/ into the repo-local package source infra/packages/local/.
# The .nupkg is committed; run this only after changing the nuspec.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
id=Patched.DistributedLock.Postgres
version=1.3.3
cp "$here/shim/$id.nuspec" "$work/"
mkdir -p "$work/_rels"
cat > "$work/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="nuspec" ContentType="application/octet" /></Types>
XML
cat > "$work/_rels/.rels" <<XML
<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/$id.nuspec" Id="R1" /></Relationships>
XML
mkdir -p "$here/local"
rm -f "$here/local/$id.$version.nupkg"
(cd "$work" && TZ=UTC find . -exec touch -t 202601010000 {} + && python3 - "$here/local/$id.$version.nupkg" <<'PY'
import sys, zipfile, os
out = sys.argv[1]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["[Content_Types].xml", "_rels/.rels", "Patched.DistributedLock.Postgres.nuspec"]:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        with open(name, "rb") as f:
            z.writestr(info, f.read(), zipfile.ZIP_DEFLATED)
PY
)
echo "wrote $here/local/$id.$version.nupkg"
