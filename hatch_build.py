"""Build hook: compile the translation catalogues (.po) into the wheel as .mo files.

An editable install gets none: it reads the .po files from the source tree
and compiles them on first use (exposurecheck.i18n.load_catalogue).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "_exposurecheck_i18n", root / "src" / "exposurecheck" / "i18n.py")
        assert spec is not None and spec.loader is not None
        i18n = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(i18n)
        out = root / "build" / "locale"
        for po in sorted(i18n.LOCALE_DIR.glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.po")):
            relative = po.relative_to(i18n.LOCALE_DIR).with_suffix(".mo")
            mo = out / relative
            mo.parent.mkdir(parents=True, exist_ok=True)
            mo.write_bytes(i18n.compile_po(po))
            build_data["force_include"][str(mo)] = f"exposurecheck/locale/{relative.as_posix()}"
