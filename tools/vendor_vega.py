"""Regenerate kg/report/assets/vega-bundle.min.js: Vega, Vega-Lite and vega-embed in one
script (the global ``vegaEmbed``), as vl-convert bundles them for its offline HTML export.

    .venv/bin/python tools/vendor_vega.py

The report inlines this file, so the page draws its plots with no network. Run it after
upgrading altair (its Vega-Lite schema version must match the bundle's; the report tests check).
"""

from __future__ import annotations

from pathlib import Path

import vl_convert

ASSET = Path(__file__).resolve().parent.parent / "kg" / "report" / "assets" / "vega-bundle.min.js"


def main() -> None:
    vl_version = vl_convert.get_vegalite_versions()[-1]
    header = (
        f"/* vega {vl_convert.get_vega_version()}, vega-lite {vl_version}, "
        f"vega-embed {vl_convert.get_vega_embed_version()} (BSD-3-Clause), "
        f"bundled by vl-convert-python {vl_convert.__version__} */\n"
    )
    ASSET.write_text(header + vl_convert.javascript_bundle(vl_version=vl_version), encoding="utf-8")
    print(f"{ASSET}: {ASSET.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
