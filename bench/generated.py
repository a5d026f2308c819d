"""Generated projects for benchmarks: plausible, varied, reproducible (not seed data)."""

from __future__ import annotations

import random
from typing import Any

from kb.ontology.register import Register

LEGAL_FORMS = ["arbeitsgemeinschaft", "oerv-delegierend", "oerv-mandatierend", "zweckverband", "gemeinsames-kommunalunternehmen", "privatrechtlich", "sonstige"]
STATUSES = ["geplant", "in-umsetzung", "im-betrieb", "abgeschlossen", "eingestellt"]
DIGITAL = ["analog", "teilweise-digital", "vollstaendig-digital"]
TOPICS = [
    ("01", "gemeinsame Lohnabrechnung", "Bezügeabrechnung, Personalverwaltung und Zeiterfassung werden gebündelt"),
    ("01", "zentrale Vergabestelle", "Ausschreibungen und Beschaffung werden für alle Beteiligten abgewickelt"),
    ("01", "IT-Kooperation", "Rechenzentrum, Fachverfahren und Informationssicherheit werden gemeinsam betrieben"),
    ("02", "gemeinsames Standesamt", "Beurkundungen und Eheschließungen werden im Verbund bearbeitet"),
    ("02", "gemeinsame Kfz-Zulassung", "die Zulassungsstelle arbeitet für mehrere Kommunen"),
    ("03", "Schulverwaltung", "Schulträgeraufgaben und Schul-IT werden abgestimmt"),
    ("04", "Bibliotheksverbund", "Medienbestand und Ausleihe werden gemeinsam organisiert"),
    ("05", "Fachstelle soziale Sicherung", "Leistungen der Grundsicherung werden gemeinsam bearbeitet"),
    ("06", "Jugendhilfeplanung", "Angebote der Kinder- und Jugendhilfe werden abgestimmt"),
    ("07", "Gesundheitsprävention", "Präventionsangebote werden gemeinsam geplant"),
    ("08", "Sportstättenmanagement", "Hallen und Plätze werden gemeinsam belegt"),
    ("09", "Geodatenportal", "Geoinformationen und Bauleitplanung werden gemeinsam bereitgestellt"),
    ("10", "Bauaufsicht", "Bauanträge werden digital und gemeinsam geprüft"),
    ("11", "Abwasserverband", "Kläranlagen und Kanalnetze werden gemeinsam betrieben"),
    ("12", "Bauhof-Kooperation", "Winterdienst und Straßenunterhaltung werden geteilt"),
    ("13", "Ausgleichsflächenpool", "Kompensationsflächen werden gemeinsam bewirtschaftet"),
    ("14", "Klimaschutzmanagement", "ein gemeinsamer Klimaschutzmanager koordiniert die Wärmeplanung"),
    ("15", "Wirtschaftsförderung", "Gewerbeflächen und Tourismusmarketing werden gemeinsam vermarktet"),
    ("16", "gemeinsame Vollstreckung", "Kasse und Vollstreckung arbeiten für mehrere Kommunen"),
    ("17", "Stiftungsverwaltung", "kleine kommunale Stiftungen werden gemeinsam verwaltet"),
]


def generate(n: int, register: Register, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    located = [m for m in register.municipalities if m.lat is not None]
    by_kreis: dict[str, list] = {}
    for m in located:
        by_kreis.setdefault(m.kreis_key, []).append(m)
    kreise = [k for k, ms in by_kreis.items() if len(ms) >= 2]
    out = []
    for i in range(n):
        code, topic, detail = rng.choice(TOPICS)
        members = rng.sample(by_kreis[rng.choice(kreise)], 2) if rng.random() < 0.9 else rng.sample(located, 2)
        extra = [m for m in by_kreis[members[0].kreis_key] if m not in members]
        members += rng.sample(extra, min(len(extra), rng.randint(0, 3)))
        names = ", ".join(m.short_name for m in members)
        out.append({
            "key": f"bench-{seed}-{i:06d}",
            "type": rng.choice(["project", "project", "project", "sharedServiceCenter", "smartCityInitiative"]),
            "title": f"{topic.capitalize()} {members[0].short_name} und Partner ({i})",
            "description": f"Die Kommunen {names} haben vereinbart: {detail}. Ziel sind kürzere Bearbeitungszeiten, "
                           f"Vertretungsregeln und gemeinsame Fachkräfte. Vorhaben Nummer {i}.",
            "participants": [m.ags for m in members],
            "lead": members[0].ags,
            "state": members[0].land_code,
            "taskAreas": [code] + ([rng.choice(TOPICS)[0]] if rng.random() < 0.2 else []),
            "legalForm": rng.choice(LEGAL_FORMS),
            "status": rng.choice(STATUSES),
            "digitalDelivery": rng.choice(DIGITAL),
            "startDate": f"{rng.randint(2005, 2026)}",
            "keywords": [topic, members[0].kreis_name],
            "illustrative": True,
        })
    return out
