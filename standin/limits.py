"""Discord's hard limits on bot output, reported the way Discord reports them (code 50035).

Errors are collected into Discord's nested ``{"field": {"_errors": [...]}}`` shape so that
discord.py's HTTPException flattens them into a readable message in the test failure.
"""

from __future__ import annotations

from typing import Any

Errors = dict[str, Any]

IS_COMPONENTS_V2 = 1 << 15


def _add(errors: Errors, path: list[str | int], code: str, message: str) -> None:
    node = errors
    for part in path:
        node = node.setdefault(str(part), {})
    node.setdefault("_errors", []).append({"code": code, "message": message})


def _max_len(errors: Errors, path: list[str | int], value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        _add(errors, path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def embed_errors(embeds: list[dict[str, Any]], errors: Errors) -> None:
    if len(embeds) > 10:
        _add(errors, ["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total_all = 0
    for i, embed in enumerate(embeds):
        path: list[str | int] = ["embeds", i]
        total = 0
        for key, limit in (("title", 256), ("description", 4096)):
            value = embed.get(key) or ""
            _max_len(errors, [*path, key], value, limit)
            total += len(value)
        fields = embed.get("fields") or []
        if len(fields) > 25:
            _add(
                errors, [*path, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."
            )
        for j, fld in enumerate(fields):
            name, value = fld.get("name") or "", fld.get("value") or ""
            if not name or not value:
                _add(errors, [*path, "fields", j], "BASE_TYPE_REQUIRED", "This field is required")
            _max_len(errors, [*path, "fields", j, "name"], name, 256)
            _max_len(errors, [*path, "fields", j, "value"], value, 1024)
            total += len(name) + len(value)
        footer = (embed.get("footer") or {}).get("text") or ""
        _max_len(errors, [*path, "footer", "text"], footer, 2048)
        author = (embed.get("author") or {}).get("name") or ""
        _max_len(errors, [*path, "author", "name"], author, 256)
        total += len(footer) + len(author)
        total_all += total
    if total_all > 6000:
        _add(
            errors, ["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"
        )


def _walk_component(comp: dict[str, Any], path: list[str | int], errors: Errors) -> int:
    """Validate one component recursively; returns how many components it counts as."""
    count = 1
    ctype = comp.get("type")
    if "custom_id" in comp:
        _max_len(errors, [*path, "custom_id"], comp["custom_id"], 100)
        if not comp["custom_id"]:
            _add(errors, [*path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
    if ctype == 2:
        _max_len(errors, [*path, "label"], comp.get("label"), 80)
        if comp.get("style") != 5 and comp.get("style") != 6 and "custom_id" not in comp:
            _add(errors, [*path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
    if ctype in (3, 5, 6, 7, 8):
        _max_len(errors, [*path, "placeholder"], comp.get("placeholder"), 150)
        options = comp.get("options") or []
        if ctype == 3 and not 1 <= len(options) <= 25:
            _add(
                errors,
                [*path, "options"],
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 25 in length.",
            )
        for k, opt in enumerate(options):
            for key in ("label", "value", "description"):
                _max_len(errors, [*path, "options", k, key], opt.get(key), 100)
    if ctype == 4:
        _max_len(errors, [*path, "label"], comp.get("label"), 45)
        _max_len(errors, [*path, "placeholder"], comp.get("placeholder"), 100)
        _max_len(errors, [*path, "value"], comp.get("value"), 4000)
    children = comp.get("components") or []
    if ctype == 1:
        if not 1 <= len(children) <= 5:
            _add(
                errors,
                [*path, "components"],
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 5 in length.",
            )
        selects = [c for c in children if c.get("type") in (3, 5, 6, 7, 8)]
        if selects and len(children) > 1:
            _add(errors, [*path, "components"], "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "Too wide")
    for k, child in enumerate(children):
        count += _walk_component(child, [*path, "components", k], errors)
    if "component" in comp:
        count += _walk_component(comp["component"], [*path, "component"], errors)
    if "accessory" in comp:
        count += _walk_component(comp["accessory"], [*path, "accessory"], errors)
    return count


def component_errors(components: list[dict[str, Any]], flags: int, errors: Errors) -> None:
    if flags & IS_COMPONENTS_V2:
        total = sum(_walk_component(c, ["components", i], errors) for i, c in enumerate(components))
        if total > 40:
            _add(errors, ["components"], "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.")
        return
    if len(components) > 5:
        _add(errors, ["components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
    for i, comp in enumerate(components):
        if comp.get("type") != 1:
            _add(
                errors, ["components", i, "type"], "UNION_TYPE_CHOICES", "Value must be one of {1}."
            )
        _walk_component(comp, ["components", i], errors)


def message_errors(body: dict[str, Any], *, creating: bool, has_files: bool = False) -> Errors:
    errors: Errors = {}
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        content = str(content)
    _max_len(errors, ["content"], content, 2000)
    embeds = body.get("embeds") or []
    embed_errors(embeds, errors)
    flags = int(body.get("flags") or 0)
    component_errors(body.get("components") or [], flags, errors)
    if (
        creating
        and not (
            content or embeds or body.get("components") or has_files or body.get("sticker_ids")
        )
        and not body.get("poll")
    ):
        # Discord's distinct "empty message" error, mapped by the caller.
        errors["__empty__"] = True
    if flags & IS_COMPONENTS_V2 and (content or embeds):
        _add(errors, ["content"], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "Invalid")
    return errors


def modal_errors(data: dict[str, Any]) -> Errors:
    errors: Errors = {}
    _max_len(errors, ["data", "title"], data.get("title"), 45)
    if not data.get("title"):
        _add(errors, ["data", "title"], "BASE_TYPE_REQUIRED", "This field is required")
    _max_len(errors, ["data", "custom_id"], data.get("custom_id"), 100)
    components = data.get("components") or []
    if not 1 <= len(components) <= 5:
        _add(
            errors,
            ["data", "components"],
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 5 in length.",
        )
    for i, comp in enumerate(components):
        _walk_component(comp, ["data", "components", i], errors)
        if comp.get("type") == 18:
            _max_len(errors, ["data", "components", i, "label"], comp.get("label"), 45)
            _max_len(errors, ["data", "components", i, "description"], comp.get("description"), 100)
    return errors


def choices_errors(choices: list[dict[str, Any]]) -> Errors:
    errors: Errors = {}
    if len(choices) > 25:
        _add(errors, ["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for i, choice in enumerate(choices):
        _max_len(errors, ["data", "choices", i, "name"], choice.get("name"), 100)
        _max_len(errors, ["data", "choices", i, "value"], choice.get("value"), 100)
    return errors


def _option_errors(options: list[dict[str, Any]], path: list[str | int], errors: Errors) -> None:
    if len(options) > 25:
        _add(errors, [*path, "options"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    seen_optional = False
    for i, opt in enumerate(options):
        opath = [*path, "options", i]
        name = opt.get("name") or ""
        if not (1 <= len(name) <= 32) or name != name.lower():
            _add(errors, [*opath, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Invalid name")
        desc = opt.get("description") or ""
        if not 1 <= len(desc) <= 100:
            _add(errors, [*opath, "description"], "BASE_TYPE_BAD_LENGTH", "Must be 1-100 long.")
        if len(opt.get("choices") or []) > 25:
            _add(errors, [*opath, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer.")
        if opt.get("type") in (1, 2):
            _option_errors(opt.get("options") or [], opath, errors)
        elif opt.get("required"):
            if seen_optional:
                _add(
                    errors,
                    [*opath, "required"],
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            seen_optional = True


def command_errors(commands: list[dict[str, Any]]) -> Errors:
    errors: Errors = {}
    if len(commands) > 100:
        _add(errors, [], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
    seen: set[tuple[str, int]] = set()
    for i, cmd in enumerate(commands):
        ctype = int(cmd.get("type", 1))
        name = cmd.get("name") or ""
        if (name, ctype) in seen:
            _add(errors, [i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Duplicate name")
        seen.add((name, ctype))
        if ctype == 1:
            if not (1 <= len(name) <= 32) or name != name.lower():
                _add(errors, [i, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Invalid name")
            if not 1 <= len(cmd.get("description") or "") <= 100:
                _add(errors, [i, "description"], "BASE_TYPE_BAD_LENGTH", "Must be 1-100 long.")
            _option_errors(cmd.get("options") or [], [i], errors)
    return errors
