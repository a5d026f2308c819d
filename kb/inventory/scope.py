"""The region a figure is about: everything, a Bundesland, a Regierungsbezirk or a Kreis.

A record belongs to a region when at least one participating municipality lies in it; a record
without any municipality from the register (only organisations) belongs to the Bundesland named in
its ``state`` field (and to no Regierungsbezirk or Kreis). So a cooperation of Erwitte (NW) and a
municipality in Niedersachsen counts for NW and for NI, and the national figure counts it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.errors import InvalidRecord, UnresolvedValue, Violation
from kb.ontology.filters import resolve_filters
from kb.ontology.register import Municipality, Register
from kb.ontology.text import fold
from kb.ontology.vocabulary import Vocabularies

from .facts import RecordFacts


@dataclass(frozen=True)
class Scope:
    state: str | None = None
    """Bundesland code (``NW``)."""
    regierungsbezirk: str | None = None
    """Three-digit key (``059``)."""
    kreis: str | None = None
    """Five-digit key (``05974``)."""

    @property
    def is_everything(self) -> bool:
        return not (self.state or self.regierungsbezirk or self.kreis)

    def contains(self, m: Municipality) -> bool:
        """Whether a municipality lies in the region (the most specific level given decides; ``resolve_scope``
        guarantees that the levels agree)."""
        if self.kreis:
            return m.kreis_key == self.kreis
        if self.regierungsbezirk:
            return m.rb_key == self.regierungsbezirk
        return self.state is None or m.land_code == self.state

    def includes(self, record: RecordFacts) -> bool:
        if self.kreis:
            return self.kreis in record.kreise
        if self.regierungsbezirk:
            return self.regierungsbezirk in record.regierungsbezirke
        if self.state:
            return self.state in record.states if record.municipalities else record.state == self.state
        return True

    def query(self) -> str:
        """The filter as query parameters (for links between figures)."""
        parts = [f"state={self.state}" if self.state else "", f"regierungsbezirk={self.regierungsbezirk}" if self.regierungsbezirk else "",
                 f"kreis={self.kreis}" if self.kreis else ""]
        return "&".join(p for p in parts if p)

    def slug(self) -> str:
        """For file names of downloads: ``NW-059``, ``deutschland``."""
        return "-".join(p for p in (self.state, self.regierungsbezirk, self.kreis) if p) or "deutschland"


EVERYTHING = Scope()


def resolve_scope(
    vocabularies: Vocabularies,
    register: Register,
    *,
    state: str | None = None,
    regierungsbezirk: str | None = None,
    kreis: str | None = None,
) -> Scope:
    """The scope people ask for by code or name; unknown or contradictory values are a 422 listing the allowed ones."""
    violations: list[Violation] = []
    state_code = None
    kreis_key = None
    if state or kreis:
        try:
            f = resolve_filters(vocabularies, register, state=state or None, kreis=kreis or None)
        except InvalidRecord as exc:
            violations.extend(exc.violations)
        else:
            concept = vocabularies.concept(f.state) if f.state else None
            state_code = concept.code if concept else None
            kreis_key = f.kreis
    rb_key = None
    if regierungsbezirk:
        rb_key = _regierungsbezirk(register, regierungsbezirk, state_code, violations)
    if not violations:
        if rb_key and state_code and not rb_key.startswith(_land_key(register, state_code)):
            violations.append(_rb_violation(register, regierungsbezirk or "", state_code,
                                            f"Der Regierungsbezirk {rb_key} liegt nicht in {state_code}.",
                                            f"Regierungsbezirk {rb_key} is not in {state_code}."))
        if kreis_key:
            k = register.kreise[kreis_key]
            if (state_code and k.land_code != state_code) or (rb_key and k.rb_key != rb_key):
                where = rb_key or state_code
                violations.append(Violation(
                    "kreis", f"Der Kreis {k.name} ({k.key}) liegt nicht in {where}.", f"Kreis {k.key} is not in {where}.", value=kreis,
                    candidates=[{"key": c.key, "name": c.name} for c in register.kreise.values()
                                if (not state_code or c.land_code == state_code) and (not rb_key or c.rb_key == rb_key)]))
    if violations:
        raise UnresolvedValue(violations, "Unbekannter oder unpassender Filterwert. Die erlaubten Werte stehen in der Antwort.",
                              "Unknown or contradictory filter value; the allowed values are listed.")
    return Scope(state=state_code, regierungsbezirk=rb_key, kreis=kreis_key)


def _land_key(register: Register, state_code: str) -> str:
    for m in register.municipalities:
        if m.land_code == state_code:
            return m.ags[:2]
    return "??"


def _regierungsbezirk(register: Register, value: str, state_code: str | None, violations: list[Violation]) -> str | None:
    value = value.strip()
    if value.isdigit() and value in register.regierungsbezirke:
        return value
    wanted = fold(value)
    for key, name in register.regierungsbezirke.items():
        short = name.removeprefix("früher: ")
        for prefix in ("Reg.-Bez. ", "Statistische Region ", "Direktionsbezirk "):
            short = short.removeprefix(prefix)
        if wanted in (fold(name), fold(short), fold(f"Regierungsbezirk {short}")):
            return key
    violations.append(_rb_violation(register, value, state_code,
                                    "Unbekannter Regierungsbezirk. Bitte den dreistelligen Schlüssel angeben (z. B. 059 für Arnsberg).",
                                    "Unknown Regierungsbezirk. Give its three-digit key (e.g. 059 for Arnsberg)."))
    return None


def _rb_violation(register: Register, value: str, state_code: str | None, de: str, en: str) -> Violation:
    allowed = [{"key": key, "name": name} for key, name in sorted(register.regierungsbezirke.items())
               if not state_code or key.startswith(_land_key(register, state_code))]
    listing = ", ".join(f"{a['key']} ({a['name']})" for a in allowed)
    if not allowed and state_code:
        de += f" {state_code} hat keine Regierungsbezirke; bitte ohne diesen Filter oder mit einem Kreis filtern."
        en += f" {state_code} has no Regierungsbezirke."
    elif listing:
        de += f" Erlaubt sind: {listing}."
    return Violation("regierungsbezirk", de, en, value=value, candidates=allowed)
