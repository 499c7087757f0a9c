"""Imports point down only (README "Layout"): no module imports a layer above its own.

``kg/__init__.py`` is the package's front door and names ``kg.KnowledgeGraph`` lazily; it is the
one exception, and it imports nothing above the core until the name is used.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: layer of a module by its dotted-name prefix, most specific first (higher imports lower)
LAYERS = (
    ("kg.cli", 4),
    ("kg.api", 3),
    ("kg.views", 2),
    ("kg.report", 2),
    ("loaders", 1),
    ("queries", 1),
    ("kg", 0),
)


def layer(module: str) -> int | None:
    for prefix, level in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return level
    return None


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for package in ("kg", "loaders", "queries"):
        for path in sorted((ROOT / package).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            module = module.removesuffix(".__init__")
            if module == "kg":
                continue
            own = layer(module)
            upward += [
                f"{module} imports {name}"
                for name in sorted(imports(path))
                if (level := layer(name)) is not None and level > own
            ]
    assert upward == []


def test_the_layers_are_told_apart():  # the check above can fail: it sees a real upward import
    assert (
        layer("kg.cli.build")
        > layer("kg.api")
        > layer("kg.views")
        > layer("queries")
        > layer("kg.keys")
    )
    assert "kg.api" in imports(ROOT / "kg" / "__init__.py")
