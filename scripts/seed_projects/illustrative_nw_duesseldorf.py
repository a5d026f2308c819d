"""Illustrative (made-up) catalogue entries, Regierungsbezirk Düsseldorf.

Participants are real municipalities that lie next to each other; the projects, figures and
mailboxes are invented for search and inventory tests (mailboxes use the reserved .example TLD).
"""

from __future__ import annotations

from seed_projects.build import Org

ENTRIES = [
    {
        "title": "Grenzüberschreitender Gerätepool der Bauhöfe Kranenburg, Kleve und Berg en Dal",
        "description": (
            "Hubsteiger, Kehrmaschine, Mulcher für Bankette – solche Spezialgeräte stehen in kleinen "
            "Bauhöfen die meiste Zeit still. Die Gemeinde Kranenburg, die Stadt Kleve und die "
            "niederländische Gemeente Berg en Dal führen deshalb einen gemeinsamen Gerätepool. Ein "
            "geteilter Kalender regelt, wer wann welches Gerät nutzt; abgerechnet wird nach "
            "Betriebsstunden zu vorab vereinbarten Sätzen. Für Fahrten über die Grenze mussten "
            "Versicherungsfragen und die Zulassung der Fahrzeuge geklärt werden. Bei Neuanschaffungen "
            "stimmen sich die drei Bauhofleitungen ab, damit nicht jede Kommune dieselbe Maschine kauft."
        ),
        "participants": ["Kranenburg", "Kleve", Org("Gemeente Berg en Dal", "NL")],
        "lead": "Kranenburg",
        "state": "NW",
        "nutsRegion": "NL22",
        "taskAreas": ["12", "11"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2021-04-01",
        "fundingProgramme": "Interreg Deutschland-Nederland (Kleinprojektefonds)",
        "outcomes": "Zwei geplante Ersatzbeschaffungen wurden gestrichen, die Auslastung der Geräte ist deutlich gestiegen.",
        "outcomeFigures": [{"label": "Vermiedene Investitionen", "value": 185000, "unit": "EUR"}],
        "lessonsLearned": "Versicherung und Haftung bei grenzüberschreitendem Geräteeinsatz früh mit den Versicherern klären.",
        "transferability": "Für alle Grenzgemeinden mit ähnlicher Bauhofgröße geeignet, auch ohne Grenze als reiner Gerätepool.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "in-pruefung",
        "keywords": ["Bauhof", "Gerätepool", "grenzüberschreitend", "Niederlande", "Euregio Rhein-Waal"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsame Vollstreckungsstelle Goch, Uedem und Weeze",
        "description": (
            "Die Stadt Goch übernimmt für die Gemeinden Uedem und Weeze die Beitreibung "
            "öffentlich-rechtlicher Forderungen – von rückständigen Gewerbesteuern über Abwassergebühren "
            "bis zu Bußgeldern. Innendienst und Außendienst der Vollstreckung sitzen in Goch; die Kassen "
            "der Partnergemeinden übermitteln die Vollstreckungsersuchen elektronisch aus dem "
            "Finanzverfahren. Weil alle drei Kommunen dieselbe Software nutzen, ließ sich das ohne "
            "Schnittstellenprojekt umsetzen. Die Vollstreckungsbeamten fahren feste Touren durch alle "
            "drei Gemeindegebiete, Ratenzahlungen werden zentral überwacht."
        ),
        "participants": ["Goch", "Uedem", "Weeze"],
        "lead": "Goch",
        "state": "NW",
        "taskAreas": ["01", "16"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2018-01-01",
        "outcomes": "Vertretung im Außendienst ist gesichert, die Beitreibungsquote der kleineren Gemeinden hat sich verbessert.",
        "lessonsLearned": "Einheitliche Mahnläufe und Niederschlagungsgrenzen vor dem Start vereinbaren.",
        "transferability": "Gut übertragbar, wenn die Partner dasselbe Finanzverfahren einsetzen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Goch, Kasse und Vollstreckung", "email": "vollstreckung@goch.example"},
        "keywords": ["Vollstreckung", "Kassenwesen", "Forderungsmanagement", "Außendienst"],
    },
    {
        "title": "Interkommunale Wärmeplanung Alpen, Sonsbeck und Xanten",
        "description": (
            "Die Stadt Xanten und die Gemeinden Alpen und Sonsbeck erstellen ihre kommunalen Wärmepläne "
            "gemeinsam. Ein beauftragtes Planungsbüro erhebt Bestand und Potenziale für alle drei "
            "Gebiete in einem Zug, die Beteiligung von Netzbetreiber, Schornsteinfegern und "
            "Wohnungswirtschaft wird zusammen organisiert. Jede Kommune beschließt am Ende ihren eigenen "
            "Wärmeplan, die Eignungsgebiete für Wärmenetze an den Gemeindegrenzen werden aber gemeinsam "
            "betrachtet – etwa für Abwärme aus einem Gewerbegebiet, das beide Seiten versorgen könnte."
        ),
        "participants": ["Xanten", "Alpen", "Sonsbeck"],
        "lead": "Xanten",
        "state": "NW",
        "taskAreas": ["14", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2024-03-01",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "lessonsLearned": "Datenabfragen bei Netzbetreibern und Schornsteinfegern gebündelt stellen spart Wochen.",
        "transferability": "Besonders für kleine Gemeinden mit vereinfachtem Verfahren sinnvoll.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Wärmeplanung", "Klimaschutz", "Wärmenetz", "Energie", "Niederrhein"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Zentrale Vergabestelle Dinslaken, Voerde und Hünxe",
        "description": (
            "Seit 2019 wickelt die Zentrale Vergabestelle der Stadt Dinslaken auch die förmlichen "
            "Vergabeverfahren der Stadt Voerde und der Gemeinde Hünxe ab. Die Fachämter der Partner "
            "beschreiben weiterhin selbst, was sie brauchen; die Vergabestelle prüft "
            "Leistungsbeschreibung und Wertung, veröffentlicht auf der gemeinsamen Vergabeplattform und "
            "dokumentiert das Verfahren. Für Bauleistungen, Lieferungen und Dienstleistungen gibt es "
            "abgestimmte Musterunterlagen. Gerade europaweite Verfahren und Fördermittelvergaben sind "
            "für die kleineren Partner seitdem rechtssicherer geworden."
        ),
        "participants": ["Dinslaken", "Voerde", "Hünxe"],
        "lead": "Dinslaken",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2019-07-01",
        "outcomeFigures": [
            {"label": "Förmliche Vergabeverfahren", "value": 310, "unit": "Verfahren/Jahr"},
            {"label": "Durchschnittliche Verfahrensdauer (national, Bau)", "value": 52, "unit": "Tage"},
        ],
        "lessonsLearned": "Klare Schnittstelle: Bedarf und Budget bleiben beim Fachamt, das Verfahren liegt bei der Vergabestelle.",
        "transferability": "Für Kommunen ohne eigene Vergabejuristen empfehlenswert.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Dinslaken, Zentrale Vergabestelle", "email": "vergabestelle@dinslaken.example"},
        "website": "https://www.dinslaken.de/",
        "keywords": ["Vergabestelle", "Vergaberecht", "Beschaffung", "E-Vergabe", "Kreis Wesel"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Bezügeabrechnung für vier Grenzlandgemeinden aus einer Hand",
        "description": (
            "Die Stadt Nettetal rechnet die Bezüge der Beamtinnen und Beamten sowie die Entgelte der "
            "Tarifbeschäftigten auch für Brüggen, Niederkrüchten und Schwalmtal ab. Die Personalämter "
            "der Partner bleiben für Einstellungen, Eingruppierung und Personalakten zuständig und "
            "melden Änderungen über ein abgestimmtes Formularwesen. Vier Fachkräfte in Nettetal teilen "
            "sich die Abrechnungskreise und vertreten sich gegenseitig, was vorher in den kleinen "
            "Gemeinden mit je einer halben Stelle kaum möglich war. Meldungen an Sozialversicherung und "
            "Zusatzversorgungskasse laufen gebündelt."
        ),
        "participants": ["Nettetal", "Brüggen", "Niederkrüchten", "Schwalmtal"],
        "lead": "Nettetal",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2017-01-01",
        "outcomes": "Keine Ausfälle der Abrechnung mehr bei Urlaub oder Krankheit; einheitliche Auslegung tariflicher Regelungen.",
        "outcomeFigures": [{"label": "Abgerechnete Personalfälle", "value": 1150, "unit": "Fälle/Monat"}],
        "lessonsLearned": "Stichtage für Änderungsmeldungen konsequent durchhalten, sonst drohen Nachberechnungen.",
        "transferability": "Lässt sich auf weitere Gemeinden im Kreis ausdehnen; die Software skaliert.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Bezügeabrechnung", "Entgeltabrechnung", "Personalwesen", "Kreis Viersen"],
    },
    {
        "title": "Digitale Bauakte für die Bauaufsicht in Viersen, Willich und Kempen",
        "description": (
            "Die drei Bauaufsichtsbehörden im Kreis Viersen führen gemeinsam die digitale Bauakte ein. "
            "Bauanträge gehen über das Landesportal elektronisch ein, Beteiligungen von Brandschutz, "
            "Denkmalpflege und Tiefbau laufen im selben System. Die Städte haben Aktenplan, Rollenmodell "
            "und Prüfroutinen gemeinsam festgelegt und ein Team aus je einer Sachbearbeiterin pro Stadt "
            "als Key-User geschult. Altakten werden nach Bedarf gescannt, nicht auf Vorrat. Ziel ist, "
            "Bearbeitungszeiten transparent zu machen und Rückfragen an Bauherren zu reduzieren."
        ),
        "participants": ["Viersen", "Willich", "Kempen"],
        "lead": "Viersen",
        "state": "NW",
        "taskAreas": ["10"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-09-01",
        "fundingProgramme": "OZG-Umsetzung Digitale Baugenehmigung",
        "lessonsLearned": "Ohne gemeinsamen Aktenplan entstehen drei unterschiedliche Systeme mit derselben Software.",
        "transferability": "Übertragbar auf alle unteren Bauaufsichtsbehörden mit demselben Fachverfahren.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Bauaufsicht", "Baugenehmigung", "digitale Bauakte", "OZG", "E-Akte"],
    },
    {
        "title": "Bibliotheksverbund Neanderland: ein Ausweis für fünf Stadtbüchereien",
        "description": (
            "Mit einem einzigen Leseausweis können Nutzerinnen und Nutzer in den Stadtbüchereien von "
            "Haan, Hilden, Erkrath, Mettmann und Wülfrath ausleihen und zurückgeben. Die Büchereien "
            "teilen sich einen Online-Katalog, eine Onleihe-Lizenz und einen Kurierdienst, der zweimal "
            "pro Woche Medien zwischen den Häusern transportiert. Die Erwerbung wird grob abgestimmt: "
            "Nicht jede Bücherei muss jede Fachzeitschrift abonnieren. Jugendangebote wie der "
            "Sommerleseclub werden gemeinsam beworben."
        ),
        "participants": ["Hilden", "Haan", "Erkrath", "Mettmann", "Wülfrath"],
        "lead": "Hilden",
        "state": "NW",
        "taskAreas": ["04"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2014-09-01",
        "lessonsLearned": "Gebührenordnungen zuerst angleichen – unterschiedliche Säumnisgebühren sorgten anfangs für Ärger.",
        "transferability": "Für benachbarte Büchereien mit gleichem Bibliothekssystem gut geeignet.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "in-pruefung",
        "website": "https://www.hilden.de/",
        "keywords": ["Bibliotheksverbund", "Stadtbücherei", "Onleihe", "Kreis Mettmann"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Offene Datenplattform Ratingen, Velbert und Heiligenhaus",
        "description": (
            "Parkhausbelegung, Pegelstände der Anger, Baustellen und Verkehrszählungen: Die drei Städte "
            "im Norden des Kreises Mettmann veröffentlichen ihre Daten auf einer gemeinsamen "
            "Open-Data-Plattform. Sensoren werden über ein LoRaWAN-Netz der Stadtwerke angebunden. Jede "
            "Stadt benennt Datenverantwortliche; ein gemeinsamer Lenkungskreis entscheidet über "
            "Standards und Lizenzen. Ein Dashboard für die Verwaltungsspitzen zeigt Kennzahlen aus allen "
            "drei Städten nebeneinander."
        ),
        "participants": ["Ratingen", "Velbert", "Heiligenhaus"],
        "lead": "Ratingen",
        "state": "NW",
        "taskAreas": ["01", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-05-01",
        "lessonsLearned": "Datenqualität ist wichtiger als die Zahl der Datensätze; lieber zehn gepflegte als hundert verwaiste.",
        "transferability": "Die Plattform ist mandantenfähig, weitere Kommunen können andocken.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Open Data", "Datenplattform", "LoRaWAN", "Sensorik", "Smart City"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsamer Datenschutzbeauftragter für Jüchen, Korschenbroich und Rommerskirchen",
        "description": (
            "Statt drei Teilzeitlösungen gibt es einen hauptamtlichen behördlichen "
            "Datenschutzbeauftragten, der bei der Stadt Korschenbroich angestellt ist und formell von "
            "allen drei Kommunen bestellt wurde. Er pflegt die Verzeichnisse der "
            "Verarbeitungstätigkeiten, berät bei Datenschutz-Folgenabschätzungen, prüft "
            "Auftragsverarbeitungsverträge und schult die Beschäftigten. Feste Sprechtage in jedem "
            "Rathaus sorgen dafür, dass er vor Ort ansprechbar bleibt. Die Kosten werden nach "
            "Beschäftigtenzahl verteilt."
        ),
        "participants": ["Korschenbroich", "Jüchen", "Rommerskirchen"],
        "lead": "Korschenbroich",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2018-05-25",
        "outcomes": "Verarbeitungsverzeichnisse aller drei Verwaltungen sind vollständig und einheitlich aufgebaut.",
        "lessonsLearned": "Die Unabhängigkeit des Datenschutzbeauftragten ausdrücklich in der Vereinbarung regeln.",
        "transferability": "Klassiker für kleine und mittlere Kommunen; auch mit Kreisbeteiligung möglich.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Datenschutzbeauftragter", "DSGVO", "Datenschutz", "Rhein-Kreis Neuss"],
    },
    {
        "title": "Planungsgemeinschaft Radpendlerroute Neuss – Kaarst – Düsseldorf",
        "description": (
            "Neuss, Kaarst und die Landeshauptstadt Düsseldorf planen gemeinsam eine durchgehende "
            "Radpendlerroute mit einheitlichem Standard: mindestens vier Meter Breite im "
            "Zweirichtungsverkehr, Vorrang an Knotenpunkten, Beleuchtung. Eine gemeinsame Projektgruppe "
            "stimmt Trassenvarianten, Grunderwerb und Förderanträge ab; gebaut wird jeweils im eigenen "
            "Stadtgebiet. Die Wegweisung folgt dem landesweiten Radverkehrsnetz, damit Pendler an der "
            "Stadtgrenze nicht plötzlich andere Schilder sehen."
        ),
        "participants": ["Neuss", "Kaarst", "Düsseldorf"],
        "lead": "Neuss",
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2020-10-01",
        "fundingProgramme": "Förderrichtlinie Nahmobilität NRW",
        "lessonsLearned": "Ein gemeinsamer Ausbaustandard muss vor der Entwurfsplanung beschlossen sein.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Radverkehr", "Radschnellweg", "Pendler", "Mobilität", "Rhein-Kreis Neuss"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsames Service-Team Einbürgerung Mülheim an der Ruhr und Oberhausen",
        "description": (
            "Die Zahl der Einbürgerungsanträge ist stark gestiegen, die Wartezeiten in beiden Städten "
            "liegen bei weit über einem Jahr. Mülheim an der Ruhr und Oberhausen wollen deshalb ein "
            "gemeinsames Service-Team aufbauen, das Antragsvorprüfung, Vollständigkeitskontrolle und "
            "Terminvergabe übernimmt. Die Entscheidung über die Einbürgerung bleibt bei der jeweils "
            "zuständigen Behörde. Geplant sind ein gemeinsames Online-Antragsverfahren und ein Pool von "
            "Sachbearbeitenden, der Spitzen in einer Stadt abfedern kann."
        ),
        "participants": ["Mülheim an der Ruhr", "Oberhausen"],
        "lead": "Mülheim an der Ruhr",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "geplant",
        "startDate": "2026-01-01",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Einbürgerung", "Staatsangehörigkeit", "Ausländerbehörde", "Terminvergabe", "Online-Antrag"],
    },
    {
        "title": "Klärschlammverwertung Rhein-Ruhr-West",
        "description": (
            "Weil Klärschlamm künftig nicht mehr auf Felder ausgebracht werden darf und Phosphor "
            "zurückgewonnen werden muss, haben Duisburg, Essen, Mülheim an der Ruhr und Oberhausen eine "
            "gemeinsame Anstalt öffentlichen Rechts gegründet. Sie plant eine Monoverbrennungsanlage mit "
            "anschließender Phosphorrückgewinnung und schließt bis zur Inbetriebnahme Übergangsverträge "
            "für die Entsorgung. Die Städte bringen ihre Klärschlammmengen langfristig ein und sichern "
            "so die Auslastung; die Gebühren für die Abwasserbeseitigung sollen dadurch planbar bleiben."
        ),
        "participants": ["Duisburg", "Essen", "Mülheim an der Ruhr", "Oberhausen"],
        "lead": "Duisburg",
        "state": "NW",
        "taskAreas": ["11", "14"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "in-umsetzung",
        "startDate": "2021-01-01",
        "outcomeFigures": [{"label": "Geplante Verbrennungskapazität (Trockensubstanz)", "value": 60000, "unit": "t/Jahr"}],
        "lessonsLearned": "Lange Andienungsverträge geben Planungssicherheit, binden aber auch; Ausstiegsklauseln sorgfältig formulieren.",
        "transferability": "Für Großstädte und Abwasserverbände mit ähnlichen Mengen interessant.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Abwasser", "Klärschlamm", "Phosphorrückgewinnung", "Anstalt öffentlichen Rechts", "Entsorgung"],
    },
    {
        "title": "Friedhofsverwaltung mit digitalem Grabstättenkataster Tönisvorst und Willich",
        "description": (
            "Die Friedhofsverwaltung der Stadt Willich übernimmt für Tönisvorst die Vergabe von "
            "Nutzungsrechten, die Gebührenbescheide und die Terminierung der Bestattungen. Grundlage ist "
            "ein gemeinsames digitales Grabstättenkataster, in dem alle Grabfelder vermessen und mit "
            "Laufzeiten hinterlegt sind. Bestatter buchen Termine online, Angehörige erhalten Auskünfte "
            "zu Ruhefristen schneller. Die Pflege der Friedhöfe selbst bleibt beim jeweiligen Bauhof."
        ),
        "participants": ["Willich", "Tönisvorst"],
        "lead": "Willich",
        "state": "NW",
        "taskAreas": ["13"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "outcomeFigures": [{"label": "Bearbeitungszeit für Grabnutzungsverträge", "value": 3, "unit": "Tage"}],
        "lessonsLearned": "Die Ersterfassung der Grabfelder war aufwendiger als die Softwareeinführung.",
        "transferability": "Übertragbar auf Kommunen mit wenigen, mittelgroßen Friedhöfen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Friedhofsverwaltung", "Grabstättenkataster", "Bestattung", "Gebühren"],
    },
    {
        "title": "Treuhänderische Stiftungsverwaltung Mönchengladbach für Korschenbroich und Jüchen",
        "description": (
            "Viele kleine, unselbstständige Stiftungen – Vermächtnisse für Schülerpreise, Seniorenhilfe "
            "oder die Pflege eines Denkmals – binden in kleinen Kämmereien unverhältnismäßig viel "
            "Arbeit. Die Stiftungsverwaltung der Stadt Mönchengladbach übernimmt deshalb "
            "Vermögensanlage, Buchführung, Jahresrechnung und die Vorbereitung der Vergabebeschlüsse "
            "auch für die Stiftungen in Korschenbroich und Jüchen. Über die Verwendung der Erträge "
            "entscheiden weiterhin die Gremien vor Ort. Das Vermögen wird getrennt geführt, aber "
            "gemeinsam angelegt."
        ),
        "participants": ["Mönchengladbach", "Korschenbroich", "Jüchen"],
        "lead": "Mönchengladbach",
        "state": "NW",
        "taskAreas": ["17", "16"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2016-01-01",
        "outcomes": "Höhere Erträge durch gemeinsame Anlage, fristgerechte Jahresrechnungen für alle Stiftungen.",
        "lessonsLearned": "Stiftungssatzungen vorab prüfen – manche schreiben die Verwaltung durch die Gemeinde ausdrücklich vor.",
        "transferability": "Sinnvoll überall, wo eine größere Stadt bereits eine professionelle Stiftungsverwaltung hat.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Stiftungsverwaltung", "Treuhandstiftung", "Kämmerei", "Vermögensanlage"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Ladeinfrastrukturkonzept Remscheid, Wermelskirchen und Hückeswagen",
        "description": (
            "Wo braucht das Bergische Land öffentliche Ladepunkte, und wo reichen private Wallboxen? "
            "Remscheid, Wermelskirchen und Hückeswagen lassen ein gemeinsames Ladeinfrastrukturkonzept "
            "erstellen, das Pendlerströme über die Stadtgrenzen hinweg berücksichtigt. Standorte an "
            "Park-and-Ride-Plätzen, Schulen und Gewerbegebieten werden nach einheitlichen Kriterien "
            "bewertet. Die Ausschreibung für Betreiber soll anschließend gemeinsam erfolgen, damit auch "
            "kleinere Standorte in den Dörfern mitversorgt werden."
        ),
        "participants": ["Remscheid", "Wermelskirchen", "Hückeswagen"],
        "lead": "Remscheid",
        "state": "NW",
        "taskAreas": ["12", "14"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-02-01",
        "fundingProgramme": "Förderrichtlinie Elektromobilität des Bundes",
        "lessonsLearned": "Netzbetreiber von Anfang an einbinden; Netzanschlüsse bestimmen die Standorte mehr als die Nachfrage.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Elektromobilität", "Ladeinfrastruktur", "Mobilität", "Bergisches Land"],
    },
    {
        "title": "Ausbildungsverbund Verwaltungsnachwuchs Monheim, Langenfeld und Hilden",
        "description": (
            "Drei Städte im Süden des Kreises Mettmann bilden ihren Verwaltungsnachwuchs gemeinsam aus. "
            "Auszubildende zu Verwaltungsfachangestellten und Studierende im dualen Studium durchlaufen "
            "Stationen in allen drei Rathäusern, etwa im Standesamt der einen und in der Kämmerei der "
            "anderen Stadt. Auswahlverfahren, Azubi-Marketing auf Messen und ein gemeinsamer "
            "Einführungsworkshop werden zusammen organisiert. Die Städte verpflichten sich, fertig "
            "Ausgebildete nicht aktiv gegenseitig abzuwerben."
        ),
        "participants": ["Langenfeld", "Monheim am Rhein", "Hilden"],
        "lead": "Langenfeld",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2019-08-01",
        "lessonsLearned": "Die Nichtabwerbeklausel schafft Vertrauen, wird aber informell gehandhabt.",
        "transferability": "Gerade für Kommunen mit wenigen Ausbildungsplätzen attraktiv.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Ausbildung", "Personalgewinnung", "Fachkräftemangel", "Verwaltungsfachangestellte"],
    },
    {
        "title": "Tourismusgemeinschaft Unterer Niederrhein",
        "description": (
            "Emmerich am Rhein, Rees, Kalkar und Isselburg vermarkten Radtourismus, Rheinufer und "
            "Hansestädte gemeinsam. Getragen wird die Arbeit von einem eingetragenen Verein, in dem "
            "neben den Kommunen auch Gastgeber und Gastronomie Mitglied sind. Der Verein betreibt ein "
            "gemeinsames Buchungsportal, gibt eine Radkarte heraus und organisiert den Auftritt auf "
            "Messen in den Niederlanden. Die Tourist-Informationen vor Ort bleiben städtisch, geben aber "
            "Auskünfte für die ganze Region."
        ),
        "participants": ["Emmerich am Rhein", "Rees", "Kalkar", "Isselburg"],
        "lead": "Rees",
        "state": "NW",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2012-03-01",
        "lessonsLearned": "Die Beteiligung der Betriebe am Verein erhöht die Akzeptanz der Mitgliedsbeiträge.",
        "transferability": "Typisches Modell für touristisch ähnlich geprägte Nachbarorte.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "website": "https://www.rees.de/",
        "keywords": ["Tourismus", "Radtourismus", "Regionalmarketing", "Niederrhein", "Verein"],
    },
    {
        "title": "Gemeinsamer Klimaschutzmanager Hamminkeln und Schermbeck",
        "description": (
            "Hamminkeln und Schermbeck teilen sich eine Stelle für das Klimaschutzmanagement. Die "
            "Klimaschutzmanagerin ist bei der Stadt Hamminkeln angestellt und arbeitet an festen Tagen "
            "in Schermbeck. Auf Basis eines gemeinsamen Klimaschutzkonzepts kümmert sie sich um "
            "Energieberatungskampagnen, Photovoltaik auf kommunalen Dächern und ein Stadtradeln-Team "
            "beider Kommunen. Maßnahmen, die beide betreffen – etwa ein Solardachkataster – werden nur "
            "einmal beauftragt."
        ),
        "participants": ["Hamminkeln", "Schermbeck"],
        "lead": "Hamminkeln",
        "state": "NW",
        "taskAreas": ["14"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2023-01-01",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "lessonsLearned": "Feste Präsenztage in beiden Rathäusern sind wichtig, sonst wird die Stelle als 'Hamminkelner' wahrgenommen.",
        "transferability": "Für kleine Gemeinden, die allein keine volle Stelle auslasten.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Klimaschutzmanager", "Klimaschutz", "Personal-Sharing", "Photovoltaik"],
    },
    {
        "title": "Gewerbeflächenpool Grenzland Nettetal, Brüggen und Straelen",
        "description": (
            "Neue Gewerbeflächen sind im Grenzland knapp, die Regionalplanung erlaubt sie nur an wenigen "
            "Stellen. Nettetal, Brüggen und Straelen wollen deshalb einen Gewerbeflächenpool bilden: "
            "Flächen werden gemeinsam entwickelt und vermarktet, Kosten und Gewerbesteuereinnahmen nach "
            "einem festen Schlüssel geteilt. Zurzeit werden Satzung und Verteilungsschlüssel für einen "
            "Zweckverband erarbeitet. Strittig ist noch, wie Bestandsflächen angerechnet werden."
        ),
        "participants": ["Nettetal", "Brüggen", "Straelen"],
        "lead": "Nettetal",
        "state": "NW",
        "taskAreas": ["15", "09"],
        "legalForm": "zweckverband",
        "status": "geplant",
        "startDate": "2026-01-01",
        "lessonsLearned": "Der Verteilungsschlüssel für Gewerbesteuer ist die politisch schwierigste Frage.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Gewerbeflächen", "Wirtschaftsförderung", "Flächenpool", "Regionalplanung", "Zweckverband"],
    },
    {
        "title": "Schuldnerberatung für Dinslaken, Voerde und Hünxe",
        "description": (
            "Die Städte Dinslaken und Voerde und die Gemeinde Hünxe finanzieren gemeinsam eine "
            "Schuldner- und Insolvenzberatung, die ein Wohlfahrtsverband in ihrem Auftrag betreibt. "
            "Beratungsstellen gibt es in Dinslaken und Voerde, in Hünxe eine wöchentliche Sprechstunde "
            "im Rathaus. Die Kommunen haben Qualitätsstandards, Berichtswesen und Wartezeiten "
            "vertraglich festgelegt. Menschen im Leistungsbezug und Familien mit Kindern erhalten "
            "vorrangig Termine."
        ),
        "participants": ["Dinslaken", "Voerde", "Hünxe", Org("Wohlfahrtsverband im Kreis Wesel (Träger)")],
        "lead": "Dinslaken",
        "state": "NW",
        "taskAreas": ["05"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2015-01-01",
        "lessonsLearned": "Ein gemeinsamer Vertrag mit einem Träger ist einfacher zu steuern als drei einzelne Zuschüsse.",
        "transferability": "Übertragbar, wo ein Träger bereits in mehreren Nachbarkommunen aktiv ist.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Schuldnerberatung", "Insolvenzberatung", "Soziales", "freie Träger"],
    },
    {
        "title": "Abwasserkooperation Kevelaer, Weeze und Geldern",
        "description": (
            "Die drei Kommunen betreiben ihre Kläranlagen seit 2009 in einem Zweckverband. Zwei kleine "
            "Anlagen wurden stillgelegt, das Abwasser wird über Druckleitungen zur modernisierten "
            "Kläranlage in Geldern gepumpt. Der Verband übernimmt außerdem die Kanalbefahrung und die "
            "Überwachung der Indirekteinleiter für alle drei Gebiete. Die Kanalnetze selbst und die "
            "Gebührenhoheit bleiben bei den Kommunen. Die Betriebsführung liegt beim Abwasserbetrieb der "
            "Stadt Geldern."
        ),
        "participants": ["Geldern", "Kevelaer", "Weeze"],
        "lead": "Geldern",
        "state": "NW",
        "taskAreas": ["11"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2009-01-01",
        "outcomeFigures": [
            {"label": "Stillgelegte Kläranlagen", "value": 2, "unit": "Anlagen"},
            {"label": "Senkung der Betriebskosten je Einwohnerwert", "value": 21, "unit": "Prozent"},
        ],
        "lessonsLearned": "Die Bewertung der eingebrachten Anlagen braucht ein unabhängiges Gutachten.",
        "transferability": "Für ländliche Kommunen mit mehreren kleinen Kläranlagen naheliegend.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Abwasser", "Kläranlage", "Zweckverband", "Kanal", "Gebühren"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Kfz-Zulassung in den Bürgerbüros Dormagen und Grevenbroich",
        "description": (
            "Der Rhein-Kreis Neuss hat als Zulassungsbehörde die Städte Dormagen und Grevenbroich "
            "beauftragt, in ihren Bürgerbüros einfache Zulassungsvorgänge zu bearbeiten: Umschreibungen, "
            "Außerbetriebsetzungen, Adressänderungen. Die Bürgerbüros arbeiten mit dem Fachverfahren des "
            "Kreises, Kennzeichen werden vor Ort geprägt. Komplizierte Fälle wie Importfahrzeuge bleiben "
            "in der Zulassungsstelle des Kreises. Der Kreis erstattet den Städten einen Anteil der "
            "Gebühren."
        ),
        "participants": [Org("Rhein-Kreis Neuss"), "Dormagen", "Grevenbroich"],
        "lead": Org("Rhein-Kreis Neuss"),
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2020-06-01",
        "lessonsLearned": "Schulungen im Fachverfahren des Kreises vor dem Start für alle Beschäftigten der Bürgerbüros einplanen.",
        "transferability": "Übertragbar auf Kreise mit großen kreisangehörigen Städten.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Kfz-Zulassung", "Bürgerbüro", "Zulassungsstelle", "Bürgerservice", "Rhein-Kreis Neuss"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsame Beschaffung von Büromaterial und IT-Hardware im Kreis Kleve",
        "description": (
            "Acht Kommunen im Kreis Kleve kaufen Druckerpapier, Toner, Büromöbel, Notebooks und Monitore "
            "nicht mehr einzeln ein. Die Stadt Kleve schreibt als federführende Stelle Rahmenverträge "
            "für alle Partner aus; die Kommunen rufen ihre Mengen aus dem gemeinsamen Katalog ab. Vorab "
            "werden Standards abgestimmt, etwa ein einheitliches Notebook-Modell für die Verwaltung. Die "
            "Bündelung lohnt sich vor allem bei der IT-Hardware, wo größere Stückzahlen deutlich bessere "
            "Preise bringen."
        ),
        "participants": ["Kleve", "Bedburg-Hau", "Goch", "Kalkar", "Kranenburg", "Uedem", "Kevelaer", "Kerken"],
        "lead": "Kleve",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2016-01-01",
        "outcomeFigures": [{"label": "Einsparung gegenüber Einzelbeschaffung", "value": 94000, "unit": "EUR/Jahr"}],
        "lessonsLearned": "Ohne gemeinsame Produktstandards bringt die gemeinsame Ausschreibung wenig.",
        "transferability": "Einfach zu starten und fast überall übertragbar.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Beschaffung", "Einkaufsgemeinschaft", "Rahmenvertrag", "IT-Hardware"],
    },
]
