"""Generate ``compiled.py``: the bundled OB 3.0 JSON Schemas as plain Python predicates.

Why: validating a credential with ``jsonschema`` (an interpreter walking the schema, with
keyword wrappers in Python) costs about a millisecond; the same checks written out as
straight-line Python cost a few microseconds. The generated functions only answer
valid / not valid; :mod:`obcore.schema` asks ``jsonschema`` for the person-readable
errors when the answer is "not valid". See docs/decisions/0007-fast-schema-validation.md.

The generated code reproduces ``obcore.schema``'s validator exactly: JSON Schema 2019-09
as implemented by jsonschema 4.26 (``format`` is an annotation only: no format checker),
plus obcore's reading of a lone value as a one-item array where a (sub)schema declares
``"type": "array"`` (the keywords ``type``, ``items``, ``contains``, ``minItems``,
``maxItems``, ``uniqueItems`` see ``[value]``; every other keyword sees the value).
A keyword this generator does not know makes generation fail rather than be ignored.

Regenerate (no third-party package needed)::

    python -m obcore._schema.codegen          # writes obcore/_schema/compiled.py
    python -m obcore._schema.codegen --check  # exit 1 when the committed file is stale

``tests/test_schema_fast.py`` checks that the committed file equals a fresh generation.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

#: the schemas obcore.schema selects by credential type (see obcore.schema._BY_TYPE)
SCHEMA_FILES = ("achievementcredential.json", "endorsementcredential.json", "profile.json")
OUTPUT = Path(__file__).resolve().parent / "compiled.py"

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default"}
)
_HANDLED = frozenset(
    {
        "$ref",
        "type",
        "enum",
        "pattern",
        "format",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "additionalItems",
        "minItems",
        "maxItems",
        "contains",
        "allOf",
        "anyOf",
        "oneOf",
    }
)
#: keywords obcore.schema evaluates on [value] for a lone value in an array schema
_ARRAY_KEYWORDS = frozenset({"type", "items", "contains", "minItems", "maxItems"})
_TYPE_TESTS = {
    "array": "isinstance({v}, list)",
    "boolean": "isinstance({v}, bool)",
    "object": "isinstance({v}, dict)",
    "string": "isinstance({v}, str)",
    "null": "{v} is None",
    "number": "(isinstance({v}, _Number) and not isinstance({v}, bool))",
    "integer": (
        "((isinstance({v}, int) and not isinstance({v}, bool))"
        " or (isinstance({v}, float) and {v}.is_integer()))"
    ),
}


def _declares_array(schema: dict[str, Any]) -> bool:
    declared = schema.get("type")
    return declared == "array" or (isinstance(declared, list) and "array" in declared)


class _Generator:
    def __init__(self) -> None:
        self.functions: list[str] = []
        self.names: dict[int, str] = {}
        self.by_key: dict[str, str] = {}
        self.constants: list[str] = []
        self.constant_names: dict[str, str] = {}
        self.keep: list[Any] = []  # keeps schema nodes alive while their id() is a key

    # -- constants -------------------------------------------------------------------
    def _constant(self, prefix: str, code: str) -> str:
        name = self.constant_names.get(code)
        if name is None:
            name = f"_{prefix}{len(self.constant_names)}"
            self.constant_names[code] = name
            self.constants.append(f"{name} = {code}")
        return name

    def _pattern(self, pattern: str) -> str:
        re.compile(pattern)  # fail here, not at import, for a pattern Python cannot read
        return self._constant("P", f"_re.compile({pattern!r}).search")

    def _enum(self, values: list[Any]) -> str:
        if not all(type(v) is str for v in values):
            raise NotImplementedError("enum with non-string values")
        body = "".join(f"\n        {v!r}," for v in values)
        return self._constant("E", f"frozenset(\n    ({body}\n    )\n)")

    def _key_set(self, props: dict[str, Any]) -> str:
        return "frozenset((" + "".join(f"{k!r}, " for k in sorted(props)) + "))"

    # -- schemas ---------------------------------------------------------------------
    def _resolve(self, root: dict[str, Any], ref: str) -> Any:
        if not ref.startswith("#/"):
            raise NotImplementedError(f"$ref {ref!r} outside the document")
        node: Any = root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def _is_simple(self, schema: dict[str, Any]) -> bool:
        keys = set(schema) - _ANNOTATIONS - {"format"}
        if not keys <= {"type", "enum", "pattern"}:
            return False
        return not ("type" in keys and not isinstance(schema["type"], str))

    def test(self, root: dict[str, Any], schema: Any, var: str, label: str) -> str:
        """A Python expression that is true when ``var`` is valid against ``schema``."""
        if schema is True:
            return "True"
        if schema is False:
            return "False"
        if not isinstance(schema, dict):
            raise NotImplementedError(f"schema {schema!r}")
        unknown = set(schema) - _ANNOTATIONS - _HANDLED
        if unknown:
            raise NotImplementedError(f"keywords {sorted(unknown)} at {label}")
        if not (set(schema) - _ANNOTATIONS - {"format"}):
            return "True"
        if self._is_simple(schema) and not _declares_array(schema):
            parts = []
            if "type" in schema:
                parts.append(_TYPE_TESTS[schema["type"]].format(v=var))
            if "enum" in schema:
                parts.append(f"(isinstance({var}, str) and {var} in {self._enum(schema['enum'])})")
            if "pattern" in schema:
                search = self._pattern(schema["pattern"])
                parts.append(f"(not isinstance({var}, str) or {search}({var}) is not None)")
            return " and ".join(parts)
        return f"{self.function(root, schema, label)}({var})"

    def _semantic_key(self, root: dict[str, Any], schema: dict[str, Any]) -> str:
        """The subschema plus every definition it reaches: equal keys, equal predicates.

        The three schema files repeat many definitions (Profile, Achievement…); a
        definition is shared only when it and everything it references are identical.
        """
        reached: dict[str, Any] = {}
        stack = [schema]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref not in reached:
                    reached[ref] = self._resolve(root, ref)
                    stack.append(reached[ref])
                stack.extend(v for k, v in node.items() if k != "$ref")
            elif isinstance(node, list):
                stack.extend(node)
        return json.dumps([schema, reached], sort_keys=True)

    def function(self, root: dict[str, Any], schema: dict[str, Any], label: str) -> str:
        name = self.names.get(id(schema))
        if name is not None:
            return name
        key = self._semantic_key(root, schema)
        name = self.by_key.get(key)
        if name is not None:
            self.names[id(schema)] = name
            self.keep.append(schema)
            return name
        name = f"_{re.sub(r'[^A-Za-z0-9]+', '_', label)}"
        while name in self.names.values():
            name += "_"
        self.names[id(schema)] = name
        self.by_key[key] = name
        self.keep.append(schema)
        body: list[str] = []
        self._body(root, schema, label, body)
        lines = [f"def {name}(x: Any) -> bool:", *body, "    return True"]
        self.functions.append("\n".join(lines))
        return name

    def _body(self, root: dict[str, Any], s: dict[str, Any], label: str, out: list[str]) -> None:
        def fail_unless(condition: str, indent: str = "    ") -> None:
            out.append(f"{indent}if not ({condition}):")
            out.append(f"{indent}    return False")

        if "$ref" in s:
            target = self._resolve(root, s["$ref"])
            ref_label = s["$ref"].rsplit("/", 1)[-1]
            fail_unless(self.test(root, target, "x", f"{label.split('.')[0]}.{ref_label}"))
        array = _declares_array(s)
        if "type" in s and not array:  # in an array schema a lone value is [value]: passes
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            fail_unless(" or ".join(_TYPE_TESTS[t].format(v="x") for t in types))
        if "enum" in s:
            fail_unless(f"isinstance(x, str) and x in {self._enum(s['enum'])}")
        if "pattern" in s:
            out.append(f"    if isinstance(x, str) and {self._pattern(s['pattern'])}(x) is None:")
            out.append("        return False")
        array_keys = [k for k in ("items", "contains", "minItems", "maxItems") if k in s]
        if array_keys:
            if array:
                out.append("    a = x if isinstance(x, list) else [x]")
            else:
                out.append("    a = x")
            out.append("    if isinstance(a, list):")
            if "minItems" in s:
                fail_unless(f"len(a) >= {int(s['minItems'])}", "        ")
            if "maxItems" in s:
                fail_unless(f"len(a) <= {int(s['maxItems'])}", "        ")
            if "contains" in s:
                test = self.test(root, s["contains"], "i", f"{label}.contains")
                fail_unless(f"any({test} for i in a)", "        ")
            items = s.get("items")
            if isinstance(items, (dict, bool)):
                test = self.test(root, items, "i", f"{label}.items")
                if test != "True":
                    fail_unless(f"all({test} for i in a)", "        ")
            elif isinstance(items, list):
                for index, item in enumerate(items):
                    test = self.test(root, item, f"a[{index}]", f"{label}.items{index}")
                    fail_unless(f"len(a) <= {index} or ({test})", "        ")
        if "additionalItems" in s and isinstance(s.get("items"), list):
            count = len(s["items"])
            extra = s["additionalItems"]
            out.append("    if isinstance(x, list):")  # the value itself, never wrapped
            if extra is False:
                fail_unless(f"len(x) <= {count}", "        ")
            else:
                test = self.test(root, extra, "i", f"{label}.additionalItems")
                if test != "True":
                    fail_unless(f"all({test} for i in x[{count}:])", "        ")
        props = s.get("properties", {})
        extra_props = s.get("additionalProperties", True)
        if props or s.get("required") or extra_props is not True:
            out.append("    if isinstance(x, dict):")
            for prop in s.get("required", []):
                fail_unless(f"{prop!r} in x", "        ")
            for prop, sub in props.items():
                test = self.test(root, sub, "v", f"{label}.{prop}")
                if test == "True":
                    continue
                out.append(f"        v = x.get({prop!r}, _MISSING)")
                fail_unless(f"v is _MISSING or ({test})", "        ")
            if extra_props is False:
                known = self._constant("K", self._key_set(props))
                fail_unless(f"all(k in {known} for k in x)", "        ")
            elif extra_props is not True:
                test = self.test(root, extra_props, "v", f"{label}.additionalProperties")
                known = self._constant("K", self._key_set(props))
                fail_unless(f"all(k in {known} or ({test}) for k, v in x.items())", "        ")
        for sub_index, sub in enumerate(s.get("allOf", [])):
            fail_unless(self.test(root, sub, "x", f"{label}.allOf{sub_index}"))
        if "anyOf" in s:
            tests = [
                self.test(root, sub, "x", f"{label}.anyOf{i}") for i, sub in enumerate(s["anyOf"])
            ]
            fail_unless(" or ".join(f"({t})" for t in tests))
        if "oneOf" in s:
            tests = [
                self.test(root, sub, "x", f"{label}.oneOf{i}") for i, sub in enumerate(s["oneOf"])
            ]
            fail_unless(" + ".join(f"bool({t})" for t in tests) + " == 1")


def _schema_text(file_name: str) -> str:
    return resources.files("obcore.schemas").joinpath(file_name).read_text("utf-8")


def generate() -> str:
    """The source of ``compiled.py`` for the bundled schemas."""
    gen = _Generator()
    entries = []
    digests = []
    for file_name in SCHEMA_FILES:
        text = _schema_text(file_name)
        digests.append(f"#   {file_name} sha256 {hashlib.sha256(text.encode()).hexdigest()}")
        root = json.loads(text)
        stem = file_name.removesuffix(".json")
        entries.append(f"    {file_name!r}: {gen.function(root, root, stem)},")
    header = [
        '"""Generated by ``python -m obcore._schema.codegen``; do not edit (see codegen.py).',
        "",
        "Each function is true exactly when obcore.schema's jsonschema validator finds no",
        "error in the value (JSON Schema 2019-09, a lone value read as a one-item array).",
        '"""',
        "# Generated from:",
        *digests,
        "# ruff: noqa",  # generated: straight-line code, not written for reading
        "# fmt: off",
        "",
        "from __future__ import annotations",
        "",
        "import re as _re",
        "from numbers import Number as _Number",
        "from typing import Any",
        "",
        "_MISSING: Any = object()",
        "",
    ]
    parts = [
        "\n".join(header),
        "\n".join(gen.constants),
        "",
        "\n\n\n".join(gen.functions),
        "",
        "VALIDATORS = {",
        *entries,
        "}",
        "",
    ]
    source = "\n".join(parts)
    source = source.replace("\n\n\n\n", "\n\n\n")
    compile(source, str(OUTPUT), "exec")
    return source


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    source = generate()
    if "--check" in args:
        current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
        if current != source:
            sys.stderr.write(f"{OUTPUT} is stale: run python -m obcore._schema.codegen\n")
            return 1
        return 0
    OUTPUT.write_text(source, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
