"""Copy the dashboard's browser dependencies from dashboard/node_modules (after `npm ci`) into
src/wirecoder/api/static/vendor/, which the server serves as /static/vendor/. No CDN at run time.

    cd dashboard && npm ci && cd .. && python dashboard/build.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
VENDOR = HERE.parent / "src" / "wirecoder" / "api" / "static" / "vendor"

# (package, files or folders inside it, where they go under vendor/)
COPIES = [
    ("leaflet", ["dist/leaflet-src.esm.js", "dist/leaflet.css", "dist/images", "LICENSE"], "leaflet"),
    ("topojson-client", ["src", "LICENSE"], "topojson-client"),
    # Natural Earth 1:50m country shapes (public domain), as TopoJSON; ids are ISO 3166 numeric.
    ("world-atlas", ["countries-50m.json", "LICENSE"], "world-atlas"),
]


def main() -> int:
    if not MODULES.is_dir():
        print(f"build: {MODULES} is missing: run `npm ci` in {HERE} first", file=sys.stderr)
        return 1
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for package, items, target in COPIES:
        for item in items:
            src = MODULES / package / item
            dst = VENDOR / target / Path(item).name
            if src.name == "src":
                dst = VENDOR / target
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.is_dir():
                shutil.copytree(src, dst, dirs_exist_ok=True)
            else:
                shutil.copyfile(src, dst)
    files = sum(1 for p in VENDOR.rglob("*") if p.is_file())
    print(f"build: {files} files in {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
