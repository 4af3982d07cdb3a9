"""The outlet registry: outlets are data, not code.

The default registry ships as ``framing/resources/outlets.json`` (its
``about`` field documents every key). Users can pass their own file with the
same schema; adding an outlet means adding an entry, not a branch in code.

Examples
--------
>>> reg = OutletRegistry.default()
>>> reg.resolve("the Associated Press")
'ap'
>>> reg.resolve("https://edition.cnn.com/2020/01/18/politics/iraq.html")
'cnn'
>>> reg["kayhan-international"].timezone
'Asia/Tehran'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from .columns import OUTLET_COLUMNS
from .errors import LoadError, json_too_deep
from .outlet_schema import validate_entry

__all__ = ["Layout", "Outlet", "OutletRegistry", "slugify"]

_NOT_WORD = re.compile(r"[\W_]+")


def slugify(name: str) -> str:
    """Lower-case, hyphen-separated id for an outlet name.

    Accents are taken off Latin letters (``Süddeutsche`` -> ``suddeutsche``);
    letters of other scripts are kept as they are, so that a Cyrillic, Chinese
    or Arabic name keeps an id (``''`` only for a name without letters or
    digits).

    Examples
    --------
    >>> slugify("My Local  Paper!")
    'my-local-paper'
    >>> slugify("Süddeutsche Zeitung"), slugify("Известия"), slugify("新华社")
    ('suddeutsche-zeitung', 'известия', '新华社')
    >>> slugify("الجزيرة نت")
    'الجزيرة-نت'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    # Drop combining marks that follow a Latin base letter; keep those of other scripts.
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and "a" <= kept[-1] <= "z":
            continue
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept))
    return _NOT_WORD.sub("-", text).strip("-")


def _host(value: str) -> str:
    text = value.strip().casefold()
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    return host.removeprefix("www.")


def _key(name: str) -> str:
    """Match key for a name: case- and article-insensitive."""
    text = _SPACES.sub(" ", name.casefold().replace("’", "'")).strip()
    return text.removeprefix("the ")


_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Layout:
    """Text-layout rules of an outlet's own pages or exports (compiled regexes)."""

    detect: tuple[re.Pattern[str], ...] = ()
    header: tuple[re.Pattern[str], ...] = ()
    published_formats: tuple[str, ...] = ()
    dateline: re.Pattern[str] | None = None
    footer: tuple[re.Pattern[str], ...] = ()
    drop: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_dict(cls, spec: Mapping[str, object]) -> Layout:
        """Compile a layout object (validate it first with :mod:`framing.outlet_schema`)."""

        def patterns(key: str) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p) for p in spec.get(key, ()) or ())  # type: ignore[union-attr]

        dateline = spec.get("dateline")
        return cls(
            detect=patterns("detect"),
            header=patterns("header"),
            published_formats=tuple(spec.get("published_formats", ()) or ()),  # type: ignore[arg-type]
            dateline=re.compile(str(dateline)) if dateline else None,
            footer=patterns("footer"),
            drop=patterns("drop"),
        )

    def detects(self, lines: Sequence[str], window: int = 12) -> bool:
        """True if every ``detect`` pattern matches one of the first lines."""
        head = [line.strip() for line in lines[:window]]
        return bool(self.detect) and all(any(p.search(x) for x in head) for p in self.detect)


@dataclass(frozen=True)
class Outlet:
    """One news outlet of the registry."""

    id: str
    name: str
    kind: str = "unknown"
    country: str | None = None
    ownership: str | None = None
    language: str | None = None
    timezone: str | None = None
    aliases: tuple[str, ...] = ()
    epithets: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    dateline_credits: tuple[str, ...] = ()
    note: str = ""
    layout: Layout | None = field(default=None, compare=False)
    spec: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(
        cls, spec: Mapping[str, object], *, origin: str = "<outlet>", number: int = 1
    ) -> Outlet:
        """An outlet from its registry entry, validated (see :mod:`framing.outlet_schema`).

        Raises
        ------
        LoadError
            Naming ``origin``, the outlet ``number`` and the key at fault.
        """
        validate_entry(spec, origin, number)

        def strings(key: str) -> tuple[str, ...]:
            return tuple(spec.get(key) or ())  # type: ignore[arg-type]

        def optional(key: str) -> str | None:
            return spec.get(key) or None  # type: ignore[return-value]

        layout = spec.get("layout")
        return cls(
            id=str(spec["id"]),
            name=str(spec["name"]),
            kind=str(spec.get("kind") or "unknown"),
            country=optional("country"),
            ownership=optional("ownership"),
            language=optional("language"),
            timezone=optional("timezone"),
            aliases=strings("aliases"),
            epithets=strings("epithets"),
            domains=strings("domains"),
            dateline_credits=strings("dateline_credits"),
            note=str(spec.get("note") or ""),
            layout=Layout.from_dict(layout) if isinstance(layout, Mapping) else None,
            spec=dict(spec),
        )


class OutletRegistry(Mapping[str, Outlet]):
    """A read-only mapping from outlet id to :class:`Outlet`, with look-ups.

    Parameters
    ----------
    outlets : sequence of Outlet
        The outlets; ids must be unique.

    See Also
    --------
    OutletRegistry.default : the registry shipped with framing.
    OutletRegistry.from_file : a registry from a JSON file of the same schema.
    """

    def __init__(self, outlets: Sequence[Outlet]) -> None:
        self._outlets: dict[str, Outlet] = {}
        self._names: dict[str, str] = {}
        self._domains: dict[str, str] = {}
        self._credits: dict[str, str] = {}
        for outlet in outlets:
            if outlet.id in self._outlets:
                raise LoadError(
                    "the outlet registry",
                    f"outlet id {outlet.id!r} appears twice",
                    fix="give each outlet its own id",
                )
            self._outlets[outlet.id] = outlet
            for name in (outlet.id, outlet.name, *outlet.aliases):
                self._names.setdefault(_key(name), outlet.id)
            for domain in outlet.domains:
                self._domains[_host(domain)] = outlet.id
            for credit in outlet.dateline_credits:
                self._credits.setdefault(credit.casefold(), outlet.id)

    # -- construction -----------------------------------------------------
    @classmethod
    def default(cls) -> OutletRegistry:
        """The registry shipped with framing (``resources/outlets.json``)."""
        return _default_registry()

    @classmethod
    def from_file(cls, path: str | PathLike[str], *, extend_default: bool = True) -> OutletRegistry:
        """Read a registry from a JSON file (``{"outlets": [...]}`` or a list).

        With ``extend_default`` the file's outlets are added to (and override
        by id) the shipped ones.
        """
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LoadError(
                path, "registry file not found", fix="check the path of the registry file"
            ) from None
        except IsADirectoryError:
            raise LoadError(path, "is a directory", fix="pass the registry's JSON file") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LoadError(
                path,
                f"not a JSON outlet registry ({exc})",
                fix="save it as UTF-8 JSON with the schema of framing/resources/outlets.json",
            ) from None
        except RecursionError:
            raise json_too_deep(path) from None
        outlets = cls._parse(data, str(path))
        if extend_default:
            merged = {o.id: o for o in cls.default().values()}
            merged.update({o.id: o for o in outlets})
            outlets = list(merged.values())
        return cls(outlets)

    @staticmethod
    def _parse(data: object, origin: str) -> list[Outlet]:
        entries = data.get("outlets") if isinstance(data, Mapping) else data
        if not isinstance(entries, list):
            raise LoadError(
                origin,
                "expected a list of outlets under the key 'outlets'",
                fix='write {"outlets": [{"id": ..., "name": ...}, ...]}',
            )
        outlets = [
            Outlet.from_dict(entry, origin=origin, number=number)
            for number, entry in enumerate(entries, start=1)
        ]
        seen: set[str] = set()
        for number, outlet in enumerate(outlets, start=1):
            if outlet.id in seen:
                raise LoadError(
                    origin,
                    f"outlet id {outlet.id!r} appears twice",
                    location=f"outlet {number}",
                    fix="give each outlet its own id",
                )
            seen.add(outlet.id)
        return outlets

    # -- mapping protocol -------------------------------------------------
    def __getitem__(self, key: str) -> Outlet:
        outlet_id = key if key in self._outlets else self.resolve(key)
        if outlet_id is None:
            raise KeyError(key)
        return self._outlets[outlet_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._outlets)

    def __len__(self) -> int:
        return len(self._outlets)

    # -- look-ups ---------------------------------------------------------
    def resolve(self, name: str | None) -> str | None:
        """Outlet id for a name, alias, domain or URL; ``None`` if unknown."""
        if not name or not str(name).strip():
            return None
        name = str(name)
        found = self._names.get(_key(name))
        if found:
            return found
        host = _host(name) if ("." in name and " " not in name.strip()) else ""
        while host:
            if host in self._domains:
                return self._domains[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def canonical(self, name: str | None) -> str | None:
        """Registry id if known, else a slug of ``name`` (``None`` for empty).

        Examples
        --------
        >>> reg = OutletRegistry.default()
        >>> reg.canonical("Cable News Network"), reg.canonical("Известия"), reg.canonical("!!")
        ('cnn', 'известия', None)
        """
        if not name or not str(name).strip():
            return None
        return (
            self.resolve(name) or slugify(_host(name) if "//" in str(name) else str(name)) or None
        )

    def by_credit(self, credit: str) -> str | None:
        """Outlet whose wire-dateline credit is ``credit`` (``"Reuters"``)."""
        return self._credits.get(credit.strip().casefold())

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every name, alias and dateline credit (of two characters or more), longest first."""
        found = {
            name
            for outlet in self._outlets.values()
            for name in (outlet.name, *outlet.aliases, *outlet.dateline_credits)
            if len(name) >= 2
        }
        return tuple(sorted(found, key=lambda n: (-len(n), n)))

    @property
    def dateline_credits(self) -> tuple[str, ...]:
        """Every wire-dateline credit the registry knows, longest first."""
        return tuple(sorted(self._credits, key=len, reverse=True))

    def detect_layout(self, lines: Sequence[str]) -> Outlet | None:
        """The outlet whose text layout the first lines of a file match."""
        for outlet in self._outlets.values():
            if outlet.layout is not None and outlet.layout.detects(lines):
                return outlet
        return None

    def to_json(self) -> str:
        """The registry in its file schema (a file users can edit and pass back)."""
        outlets = [dict(o.spec) for o in self._outlets.values()]
        return json.dumps({"outlets": outlets}, indent=1, ensure_ascii=False)

    def to_frame(self) -> pd.DataFrame:
        """The registry as a table (list columns joined with ``"; "``)."""
        rows = []
        for o in self._outlets.values():
            rows.append(
                {
                    "id": o.id,
                    "name": o.name,
                    "kind": o.kind,
                    "country": o.country,
                    "ownership": o.ownership,
                    "language": o.language,
                    "aliases": "; ".join(o.aliases),
                    "epithets": "; ".join(o.epithets),
                    "domains": "; ".join(o.domains),
                }
            )
        return pd.DataFrame(rows, columns=list(OUTLET_COLUMNS))


@lru_cache(maxsize=1)
def _default_registry() -> OutletRegistry:
    text = resources.files("framing.resources").joinpath("outlets.json").read_text("utf-8")
    return OutletRegistry(OutletRegistry._parse(json.loads(text), "framing/resources/outlets.json"))
