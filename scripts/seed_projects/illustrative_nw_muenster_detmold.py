"""Illustrative (made-up) catalogue entries, Regierungsbezirke Münster and Detmold.

Participants are real neighbouring municipalities; projects, figures and mailboxes are invented.
"""

from __future__ import annotations

from seed_projects.build import Org

ENTRIES = [
    # ------------------------------------------------------------------ Regierungsbezirk Münster
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsames Standesamt Heek, Legden und Schöppingen",
        "description": (
            "Drei kleine Standesämter im Kreis Borken mit jeweils weniger als hundert Eheschließungen im "
            "Jahr: Seit 2022 gibt es stattdessen einen gemeinsamen Standesamtsbezirk mit Sitz in Heek. "
            "Die Beurkundung von Geburten und Sterbefällen, Namenserklärungen und die Prüfung von "
            "Ehefähigkeit mit Auslandsbezug erledigt ein Team von drei Standesbeamtinnen. Getraut wird "
            "weiterhin in allen drei Rathäusern und an den beliebten Außentrauorten. Das elektronische "
            "Personenstandsregister wurde zusammengeführt."
        ),
        "participants": ["Heek", "Legden", "Schöppingen"],
        "lead": "Heek",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2022-01-01",
        "lessonsLearned": "Die Trauorte vor Ort zu erhalten, war für die Zustimmung der Räte entscheidend.",
        "transferability": "Für Nachbargemeinden mit kleinen Standesämtern und gleicher Software.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Gemeinde Heek, Standesamt", "email": "standesamt@heek.example"},
        "keywords": ["Standesamt", "Personenstandswesen", "Trauung", "Kreis Borken"],
    },
    {
        "title": "Grenzüberschreitende Jugendarbeit Gronau und Enschede",
        "description": (
            "Jugendzentren aus Gronau und Enschede organisieren gemeinsame Ferienfreizeiten, "
            "Sportturniere und einen deutsch-niederländischen Jugendrat. Die Jugendpflege der Stadt "
            "Gronau und die Jugendarbeit der Gemeente Enschede teilen sich Busse, Betreuerteams und ein "
            "Budget für Kleinprojekte, über das Jugendliche selbst entscheiden. Sprachbarrieren werden "
            "spielerisch abgebaut; viele Angebote laufen bewusst zweisprachig. Ein gemeinsamer "
            "Jugendschutzleitfaden regelt unterschiedliche Vorschriften auf beiden Seiten der Grenze."
        ),
        "participants": ["Gronau", Org("Gemeente Enschede", "NL")],
        "lead": "Gronau",
        "state": "NW",
        "nutsRegion": "NL21",
        "taskAreas": ["06"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2017-06-01",
        "fundingProgramme": "Interreg Deutschland-Nederland (People-to-People)",
        "lessonsLearned": "Unterschiedliche Jugendschutzregeln früh in einem gemeinsamen Leitfaden klären.",
        "transferability": "Für Grenzstädte mit kurzen Wegen gut geeignet.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Jugendarbeit", "Jugendzentrum", "grenzüberschreitend", "Niederlande", "EUREGIO"],
    },
    {
        "title": "Zweckverband Volkshochschule Vreden, Stadtlohn und Südlohn",
        "description": (
            "Sprachkurse, Integrationskurse, Gesundheitsangebote und Schulabschlüsse: Die "
            "Volkshochschule für Vreden, Stadtlohn und Südlohn wird von einem Zweckverband getragen. Die "
            "Geschäftsstelle sitzt in Stadtlohn, unterrichtet wird in allen drei Orten. Die "
            "Verbandsumlage richtet sich nach Einwohnerzahl. Seit der Pandemie bietet die VHS einen "
            "festen Anteil ihrer Kurse online oder hybrid an, was besonders bei Berufstätigen gut "
            "ankommt."
        ),
        "participants": ["Stadtlohn", "Vreden", "Südlohn"],
        "lead": "Stadtlohn",
        "state": "NW",
        "taskAreas": ["04"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2004-01-01",
        "lessonsLearned": "Hybride Kurse erweitern die Reichweite, brauchen aber Technik in allen Kursräumen.",
        "transferability": "Bewährte Struktur für Weiterbildung im ländlichen Raum.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Volkshochschule", "Weiterbildung", "Integrationskurse", "Zweckverband"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsame Gemeindekasse Nottuln, Havixbeck und Billerbeck",
        "description": (
            "Zahlungsverkehr, Buchung der Einzahlungen, Mahnwesen und Liquiditätsplanung für drei "
            "Kommunen am Rand der Baumberge laufen über eine gemeinsame Kasse in Nottuln. Havixbeck und "
            "Billerbeck haben ihre Kassengeschäfte per Vereinbarung übertragen; ihre Haushalte und "
            "Bankkonten bleiben getrennt. Durch die Bündelung konnten das Vier-Augen-Prinzip lückenlos "
            "umgesetzt und die Kassenprüfungen vereinfacht werden. Bürgerinnen und Bürger zahlen "
            "weiterhin bei ihrer Gemeinde ein, die Barkassen vor Ort bleiben."
        ),
        "participants": ["Nottuln", "Havixbeck", "Billerbeck"],
        "lead": "Nottuln",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2015-01-01",
        "outcomes": "Kassensicherheit verbessert, Vertretung gesichert, einheitliches Mahnwesen.",
        "lessonsLearned": "Vorher einen einheitlichen Kontenrahmen und gleiche Mahnstufen vereinbaren.",
        "transferability": "Für Gemeinden mit derselben Finanzsoftware gut übertragbar.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Kassenwesen", "Gemeindekasse", "Zahlungsverkehr", "Mahnwesen", "Kreis Coesfeld"],
    },
    {
        "type": "smartCityInitiative",
        "title": "DorfApp Südkreis Coesfeld",
        "description": (
            "Olfen, Lüdinghausen, Senden, Ascheberg und Nordkirchen betreiben eine gemeinsame Dorf- und "
            "Stadtteil-App. Vereine posten Termine, Nachbarn bieten Hilfe an, die Verwaltungen "
            "informieren über Baustellen und Müllabfuhr. Jede Kommune hat einen eigenen Bereich, Inhalte "
            "können aber übergreifend geteilt werden. Eine Redakteurin je Kommune moderiert; technische "
            "Pflege und Lizenz laufen über einen gemeinsamen Vertrag. Besonders genutzt werden "
            "Mitfahrangebote und der digitale Marktplatz für Ehrenamt."
        ),
        "participants": ["Lüdinghausen", "Olfen", "Senden", "Ascheberg", "Nordkirchen"],
        "lead": "Lüdinghausen",
        "state": "NW",
        "taskAreas": ["01", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2020-10-01",
        "fundingProgramme": "LEADER",
        "lessonsLearned": "Ohne aktive Vereine bleibt eine Dorf-App leer; Vereinsschulungen waren der Schlüssel.",
        "transferability": "Die Plattform ist für weitere Kommunen im Münsterland offen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Dorf-App", "Ehrenamt", "Bürgerbeteiligung", "ländlicher Raum", "Smart City"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Zentrale Bußgeldstelle Datteln, Oer-Erkenschwick und Waltrop",
        "description": (
            "Die Stadt Datteln bearbeitet die Verwarn- und Bußgeldverfahren aus der kommunalen "
            "Verkehrsüberwachung auch für Oer-Erkenschwick und Waltrop. Die Politessen und der "
            "Ordnungsdienst bleiben bei ihrer Stadt und erfassen Verstöße mobil; die Daten laufen direkt "
            "in das gemeinsame Verfahren. Anhörungen, Bescheide, Einsprüche und die Abgabe an das "
            "Amtsgericht erledigt das Team in Datteln. Die Einnahmen stehen der Stadt zu, in der der "
            "Verstoß festgestellt wurde."
        ),
        "participants": ["Datteln", "Oer-Erkenschwick", "Waltrop"],
        "lead": "Datteln",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2018-04-01",
        "outcomeFigures": [
            {"label": "Bearbeitete Verfahren", "value": 27000, "unit": "Verfahren/Jahr"},
            {"label": "Bearbeitungszeit bis zum Bescheid", "value": 11, "unit": "Tage"},
        ],
        "lessonsLearned": "Mobile Erfassungsgeräte aller Partner müssen auf dieselbe Softwareversion gebracht werden.",
        "transferability": "Gut übertragbar auf benachbarte Städte mit eigener Verkehrsüberwachung.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Bußgeldstelle", "Verkehrsüberwachung", "Ordnungswidrigkeiten", "Ordnungsamt"],
    },
    {
        "title": "Bäderkooperation Herten und Marl",
        "description": (
            "Herten und Marl führen ihre Hallen- und Freibäder in einer gemeinsamen Anstalt des "
            "öffentlichen Rechts. Schwimmmeister, Kassenpersonal und Technik werden zwischen den "
            "Standorten eingesetzt, Öffnungszeiten abgestimmt, sodass an jedem Tag mindestens ein "
            "Hallenbad geöffnet ist. Schulen und Vereine erhalten Wasserzeiten in beiden Städten. Die "
            "Sanierung des älteren Hallenbads wurde dank gemeinsamer Planung günstiger als zwei "
            "getrennte Vorhaben."
        ),
        "participants": ["Herten", "Marl"],
        "lead": "Marl",
        "state": "NW",
        "taskAreas": ["08"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2013-01-01",
        "outcomeFigures": [{"label": "Reduzierung des jährlichen Zuschussbedarfs", "value": 420000, "unit": "EUR/Jahr"}],
        "lessonsLearned": "Fachpersonal für Bäder ist knapp; nur der gemeinsame Pool sichert die Öffnungszeiten.",
        "transferability": "Für benachbarte Städte mit mehreren sanierungsbedürftigen Bädern.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Schwimmbad", "Bäder", "Schulschwimmen", "Anstalt öffentlichen Rechts", "Sportstätten"],
    },
    {
        "title": "Geodatenverbund Dorsten, Haltern am See und Marl",
        "description": (
            "Die Vermessungs- und Katasterabteilungen der drei Städte betreiben ein gemeinsames "
            "Geoinformationssystem. Liegenschaftskarte, Bebauungspläne, Kanalkataster und Baumkataster "
            "liegen auf einer Plattform; Fachämter aller drei Städte greifen über einen Webviewer darauf "
            "zu. Luftbildbefliegungen werden gemeinsam beauftragt. Eine GIS-Koordinatorin in Dorsten "
            "betreut Server, Schnittstellen und Schulungen. Bürgerinnen und Bürger finden "
            "Bodenrichtwerte und Bebauungspläne im gemeinsamen Geoportal."
        ),
        "participants": ["Dorsten", "Haltern am See", "Marl"],
        "lead": "Dorsten",
        "state": "NW",
        "taskAreas": ["09"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2016-01-01",
        "outcomeFigures": [{"label": "Eingesparte Lizenzkosten", "value": 38000, "unit": "EUR/Jahr"}],
        "lessonsLearned": "Gemeinsame Datenmodelle sind wichtiger als gemeinsame Software.",
        "transferability": "Übertragbar auf alle Kommunen mit vergleichbarer GIS-Ausstattung.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Geodaten", "GIS", "Geoportal", "Kataster", "Vermessung"],
    },
    {
        "title": "Wärmeplanung im Tecklenburger Land",
        "description": (
            "Westerkappeln, Lotte, Mettingen und Recke wollen ihre kommunalen Wärmepläne gemeinsam "
            "aufstellen. Die Gemeinden sind klein, haben ähnliche Siedlungsstrukturen und kaum "
            "Fernwärme; Biogasanlagen und Abwärme aus der Landwirtschaft könnten Nahwärmenetze in den "
            "Ortskernen speisen. Geplant ist eine gemeinsame Ausschreibung der Planungsleistung, eine "
            "Datenerhebung aus einem Guss und eine abgestimmte Bürgerinformation. Der Förderantrag ist "
            "gestellt."
        ),
        "participants": ["Westerkappeln", "Lotte", "Mettingen", "Recke"],
        "lead": "Mettingen",
        "state": "NW",
        "taskAreas": ["14", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "startDate": "2025-09-01",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Wärmeplanung", "Nahwärme", "Biogas", "Klimaschutz", "Kreis Steinfurt"],
    },
    {
        "title": "Gemeinsamer Vollziehungsdienst Greven, Emsdetten und Saerbeck",
        "description": (
            "Vollziehungsbeamtinnen und -beamte aus Greven, Emsdetten und Saerbeck arbeiten in einem "
            "gemeinsamen Pool. Außendiensttouren werden nach Postleitzahlen statt nach Gemeindegrenzen "
            "geplant, Pfändungen und Vermögensauskünfte einheitlich dokumentiert. Jede Kommune bleibt "
            "Vollstreckungsbehörde für ihre Forderungen; die Beamten handeln im Auftrag. Für schwierige "
            "Fälle wie Gewerbebetriebe mit Steuerrückständen gibt es eine Spezialistin für alle drei."
        ),
        "participants": ["Greven", "Emsdetten", "Saerbeck"],
        "lead": "Greven",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2019-01-01",
        "lessonsLearned": "Gleiche Dienstanweisungen für den Außendienst sind Voraussetzung, nicht Ergebnis.",
        "transferability": "Für Nachbarkommunen mit kleinen Vollstreckungsteams.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Vollstreckung", "Vollziehungsdienst", "Außendienst", "Forderungsmanagement"],
    },
    {
        "title": "Bürgerwindpark Hörstel, Hopsten und Recke",
        "description": (
            "An der Gemeindegrenze von Hörstel, Hopsten und Recke betreiben die drei Kommunen gemeinsam "
            "mit einer Bürgerenergiegenossenschaft einen Windpark mit sechs Anlagen. Die Kommunen halten "
            "über eine gemeinsame Beteiligungsgesellschaft einen Anteil an der Betreibergesellschaft. "
            "Flächenpacht wird nach einem Poolmodell verteilt, damit nicht nur die Eigentümer der "
            "Standortflächen profitieren. Ein Teil der Erträge fließt in einen Klimafonds für Vereine "
            "und Schulen."
        ),
        "participants": ["Hörstel", "Hopsten", "Recke", Org("Bürgerenergiegenossenschaft (Mitgesellschafterin)")],
        "lead": "Hörstel",
        "state": "NW",
        "taskAreas": ["11", "14"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2019-11-01",
        "outcomeFigures": [
            {"label": "Jahresstromerzeugung", "value": 72000, "unit": "MWh/Jahr"},
            {"label": "Ausschüttung an den Klimafonds", "value": 60000, "unit": "EUR/Jahr"},
        ],
        "lessonsLearned": "Das Flächenpoolmodell hat Widerstände in der Landwirtschaft spürbar gesenkt.",
        "transferability": "Für Kommunen mit Windvorrangflächen an Gemeindegrenzen.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Windenergie", "Bürgerenergie", "Energiewende", "Beteiligungsgesellschaft"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Zentrale Vergabestelle für Beckum, Ennigerloh und Oelde",
        "description": (
            "Die Stadt Oelde führt seit 2020 die Ausschreibungen für Bau-, Liefer- und Dienstleistungen "
            "auch für Beckum und Ennigerloh durch. Die Fachämter erstellen Leistungsverzeichnisse mit "
            "gemeinsamen Vorlagen, die Zentrale Vergabestelle übernimmt Bekanntmachung, "
            "Bieterkommunikation, Submission und Dokumentation über die E-Vergabe-Plattform. Eine "
            "monatliche Vergabesprechstunde berät Fachämter bei Direktaufträgen und "
            "Verhandlungsvergaben. Die Kosten werden nach Zahl der Verfahren abgerechnet."
        ),
        "participants": ["Oelde", "Beckum", "Ennigerloh"],
        "lead": "Oelde",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "outcomeFigures": [{"label": "Nachprüfungsverfahren seit Start", "value": 0, "unit": "Verfahren"}],
        "lessonsLearned": "Die Vergabesprechstunde hat mehr Fehler verhindert als jede Dienstanweisung.",
        "transferability": "Für Mittelstädte mit vielen Förderprojekten und knappen Vergabekenntnissen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Vergabestelle", "Ausschreibung", "E-Vergabe", "Kreis Warendorf"],
    },
    {
        "title": "Innenstadtmanagement Ahlen, Drensteinfurt und Sendenhorst",
        "description": (
            "Leerstände in den Einkaufsstraßen nehmen zu. Ahlen, Drensteinfurt und Sendenhorst haben ein "
            "gemeinsames Innenstadt- und Leerstandsmanagement eingerichtet: Zwei Citymanagerinnen "
            "erfassen Leerstände, sprechen Eigentümer an, vermitteln Zwischennutzungen und beraten "
            "Gründerinnen und Gründer. Ein gemeinsamer Verfügungsfonds unterstützt Pop-up-Stores. Die "
            "Städte teilen sich außerdem eine Frequenzzählung, um die Wirkung von Maßnahmen zu messen. "
            "Die Citymanagerinnen sind bei der Stadt Ahlen angestellt."
        ),
        "participants": ["Ahlen", "Drensteinfurt", "Sendenhorst"],
        "lead": "Ahlen",
        "state": "NW",
        "taskAreas": ["15", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-03-01",
        "fundingProgramme": "Sofortprogramm zur Stärkung unserer Innenstädte und Zentren NRW",
        "outcomeFigures": [{"label": "Vermittelte Zwischennutzungen", "value": 17, "unit": "Ladenlokale"}],
        "lessonsLearned": "Eigentümer sind eher zu Zwischennutzungen bereit, wenn die Kommune Mietausfälle teilweise abfedert.",
        "transferability": "Für Klein- und Mittelstädte mit ähnlichen Innenstadtproblemen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Innenstadt", "Leerstandsmanagement", "Citymanagement", "Einzelhandel", "Wirtschaftsförderung"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Regionales Fahrradverleihsystem Münster, Telgte, Greven und Altenberge",
        "description": (
            "Ein Leihrad in Münster ausleihen und in Telgte zurückgeben – das ermöglicht ein gemeinsames "
            "Fahrradverleihsystem mit Stationen an Bahnhöfen, Bushaltestellen und Hochschulstandorten. "
            "Die Stadtwerke Münster betreiben das System im Auftrag aller vier Kommunen; die "
            "Umlandgemeinden finanzieren ihre Stationen selbst. Pedelecs und Lastenräder ergänzen das "
            "Angebot. Die Ausleihe funktioniert mit derselben App wie der Busfahrschein."
        ),
        "participants": ["Münster", "Telgte", "Greven", "Altenberge"],
        "lead": "Münster",
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2021-05-01",
        "lessonsLearned": "Stationen an Umlandbahnhöfen brauchen Abstellplätze mit Witterungsschutz, sonst bleiben sie leer.",
        "transferability": "Für Oberzentren mit starkem Pendlerumland.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "steuerpflichtig",
        "website": "https://www.muenster.de/",
        "keywords": ["Fahrradverleih", "Bike-Sharing", "Radverkehr", "ÖPNV", "Münsterland"],
    },
    {
        "title": "Fundtierbetreuung für Münster und Umland",
        "description": (
            "Gefundene Hunde, Katzen und Kleintiere sind eine Pflichtaufgabe der Ordnungsbehörden. "
            "Münster, Havixbeck, Everswinkel und Senden haben gemeinsam einen Vertrag mit einem "
            "Tierschutzverein geschlossen, der die Tiere aufnimmt, tierärztlich versorgt und vermittelt. "
            "Die Kommunen zahlen eine Pauschale pro Einwohner, die Fahrten zum Tierheim übernimmt der "
            "Verein. Ein einheitliches Meldeformular erleichtert Ordnungsämtern und Polizei die Arbeit."
        ),
        "participants": ["Münster", "Havixbeck", "Everswinkel", "Senden", Org("Tierschutzverein (Vertragspartner)")],
        "lead": "Münster",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2018-01-01",
        "lessonsLearned": "Eine Einwohnerpauschale ist einfacher zu verwalten als Einzelabrechnungen je Tier.",
        "transferability": "Leicht übertragbar, wenn ein leistungsfähiges Tierheim in der Nähe ist.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Fundtiere", "Tierheim", "Ordnungsamt", "Tierschutz"],
    },
    {
        "title": "Drohnenstaffel für den Bevölkerungsschutz Gelsenkirchen, Gladbeck und Herten",
        "description": (
            "Vermisstensuche, Lageerkundung bei Großbränden, Hochwasserbeobachtung: Die Feuerwehren von "
            "Gelsenkirchen, Gladbeck und Herten bauen eine gemeinsame Drohnenstaffel auf. Piloten aus "
            "allen drei Wehren werden nach einheitlichem Standard ausgebildet, die Drohnen mit "
            "Wärmebildkameras sind auf zwei Wachen stationiert und über die Leitstelle alarmierbar. "
            "Datenschutz und Bildspeicherung regelt ein gemeinsames Einsatzkonzept. Die Kosten für "
            "Geräte und Ausbildung teilen sich die Städte zu gleichen Teilen."
        ),
        "participants": ["Gelsenkirchen", "Gladbeck", "Herten"],
        "lead": "Gelsenkirchen",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2023-10-01",
        "lessonsLearned": "Ausbildung und Fluggenehmigungen dauern länger als die Beschaffung der Technik.",
        "transferability": "Für benachbarte Feuerwehren, die allein keine Staffel vorhalten können.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Bevölkerungsschutz", "Feuerwehr", "Drohnen", "Katastrophenschutz"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitales Bürgeramt Bottrop, Gladbeck und Dorsten",
        "description": (
            "Termin buchen, Unterlagen vorab hochladen, Ausweis per SMS-Benachrichtigung abholen: Die "
            "Bürgerämter von Bottrop, Gladbeck und Dorsten nutzen eine gemeinsame Plattform für "
            "Terminvergabe und Online-Dienste. Wer in der eigenen Stadt keinen freien Termin findet, "
            "bekommt für bestimmte Leistungen wie Führungszeugnis oder Meldebescheinigung Termine im "
            "Nachbarrathaus angeboten. Self-Service-Terminals für Passfotos und Fingerabdrücke wurden "
            "gemeinsam beschafft."
        ),
        "participants": ["Bottrop", "Gladbeck", "Dorsten"],
        "lead": "Bottrop",
        "state": "NW",
        "taskAreas": ["02", "01"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2021-09-01",
        "outcomeFigures": [{"label": "Wartezeit auf einen Bürgeramtstermin", "value": 6, "unit": "Tage"}],
        "lessonsLearned": "Stadtübergreifende Termine funktionieren nur für Leistungen ohne örtliche Zuständigkeit.",
        "transferability": "Für Städte mit gleichem Einwohnermeldeverfahren direkt übertragbar.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Bürgeramt", "Terminvergabe", "Meldewesen", "Online-Dienste", "Smart City"],
    },
    {
        "title": "Gemeinsame Wirtschaftsförderung Raesfeld, Heiden, Velen und Reken",
        "description": (
            "Vier Gemeinden im Kreis Borken haben ihre Wirtschaftsförderung in einer gemeinsamen GmbH "
            "gebündelt. Sie vermarktet Gewerbeflächen, berät Gründerinnen und Gründer, organisiert "
            "Unternehmerfrühstücke und kümmert sich um Fachkräftemarketing mit Betrieben der Region. Die "
            "Gemeinden sind zu gleichen Teilen Gesellschafter. Ein gemeinsames Unternehmensportal zeigt "
            "freie Flächen, Ausbildungsplätze und Ansprechpartner. Gegenüber Kreis und Regionalplanung "
            "vertritt sie die Gemeinden gemeinsam, wenn es um neue Gewerbeflächen geht."
        ),
        "participants": ["Raesfeld", "Heiden", "Velen", "Reken"],
        "lead": "Velen",
        "state": "NW",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2014-07-01",
        "outcomeFigures": [{"label": "Betreute Unternehmensansiedlungen", "value": 43, "unit": "Ansiedlungen"}],
        "lessonsLearned": "Gleiche Gesellschafteranteile verhindern Dominanzdebatten.",
        "transferability": "Für kleine Gemeinden ohne eigene hauptamtliche Wirtschaftsförderung.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Wirtschaftsförderung", "Gewerbeflächen", "Fachkräfte", "GmbH", "Kreis Borken"],
    },
    {
        "title": "Gemeinsamer Flächennutzungsplan Ascheberg und Nordkirchen",
        "description": (
            "Ascheberg und Nordkirchen haben in einem Planungsverband einen gemeinsamen "
            "Flächennutzungsplan aufgestellt. Anlass waren Wohnbauflächen, die sich an der "
            "Gemeindegrenze berühren, und ein gemeinsames Gewerbegebiet an der Autobahn. Der "
            "Planungsverband hat Bestandsaufnahme, Umweltbericht und Beteiligung gemeinsam durchgeführt. "
            "Der Plan ist wirksam; für Änderungen tritt der Verband nur noch anlassbezogen zusammen. Die "
            "Geschäftsführung lag bei der Bauverwaltung in Ascheberg."
        ),
        "participants": ["Ascheberg", "Nordkirchen"],
        "lead": "Ascheberg",
        "state": "NW",
        "taskAreas": ["09"],
        "legalForm": "zweckverband",
        "status": "abgeschlossen",
        "startDate": "2015-05-01",
        "endDate": "2021-06-30",
        "outcomes": "Wirksamer gemeinsamer Flächennutzungsplan, abgestimmte Siedlungsentwicklung an der Gemeindegrenze.",
        "lessonsLearned": "Ein gemeinsamer Umweltbericht spart Zeit, die Abstimmung in zwei Räten kostet sie wieder.",
        "transferability": "Für Nachbargemeinden mit zusammenwachsenden Ortsteilen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Flächennutzungsplanung", "Bauleitplanung", "Planungsverband", "Siedlungsentwicklung"],
    },
    {
        "title": "Zweckverband Freibad Telgte und Everswinkel",
        "description": (
            "Telgte und Everswinkel hatten das Freibad an der Gemeindegrenze über einen Zweckverband "
            "gemeinsam betrieben. Nach einem Gutachten zur Sanierung – Becken, Technik und Umkleiden "
            "waren am Ende ihrer Lebensdauer – konnten sich die Räte nicht auf die Finanzierung einigen. "
            "Der Zweckverband wurde 2020 aufgelöst, das Bad geschlossen. Für das Schulschwimmen wurden "
            "Wasserzeiten in Nachbarbädern vereinbart."
        ),
        "participants": ["Telgte", "Everswinkel"],
        "lead": "Telgte",
        "state": "NW",
        "taskAreas": ["08"],
        "legalForm": "zweckverband",
        "status": "eingestellt",
        "startDate": "1974-01-01",
        "endDate": "2020-12-31",
        "lessonsLearned": "Investitionsrücklagen für Sanierungen hätten von Anfang an in der Satzung verankert sein müssen.",
        "transferability": "Lehrreich für alle Bäderzweckverbände mit alternden Anlagen.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Freibad", "Bäder", "Zweckverband", "Auflösung", "Schulschwimmen"],
    },
    # ------------------------------------------------------------------ Regierungsbezirk Detmold
    {
        "title": "Kommunaler Ordnungsdienst Harsewinkel und Herzebrock-Clarholz",
        "description": (
            "Die beiden Kommunen teilen sich einen Kommunalen Ordnungsdienst mit sechs Einsatzkräften. "
            "Streifen am Abend und am Wochenende, Kontrollen von Veranstaltungen, Ruhestörungen und "
            "wildes Müllabladen werden aus einer gemeinsamen Einsatzplanung heraus bearbeitet. Die "
            "Einsatzkräfte sind bei der Stadt Harsewinkel angestellt und handeln in Herzebrock-Clarholz "
            "im Auftrag der Gemeinde. Durch die Größe des Teams sind Doppelstreifen möglich, was die "
            "Sicherheit der Beschäftigten erhöht."
        ),
        "participants": ["Harsewinkel", "Herzebrock-Clarholz"],
        "lead": "Harsewinkel",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2021-04-01",
        "lessonsLearned": "Doppelstreifen waren für die Personalgewinnung wichtiger als erwartet.",
        "transferability": "Für Kommunen, die allein keinen Schichtdienst abdecken können.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Ordnungsdienst", "Ordnungsamt", "öffentliche Sicherheit", "Kreis Gütersloh"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Personalabrechnungszentrale im Altkreis Halle",
        "description": (
            "Halle (Westf.) ist Sitz einer Personalabrechnungszentrale, die Lohn-, Gehalts- und "
            "Besoldungsabrechnungen für Versmold, Borgholzhausen, Werther (Westf.) und Steinhagen "
            "übernimmt. Die Partner haben die Aufgabe vollständig übertragen; Halle ist damit für die "
            "Abrechnung und die Meldungen an Krankenkassen, Finanzamt und Versorgungskasse "
            "verantwortlich. Die Personalsachbearbeitung vor Ort konzentriert sich auf Beratung und "
            "Personalentwicklung. Monatliche Abrechnungsprotokolle gehen digital an die Partner."
        ),
        "participants": ["Halle", "Versmold", "Borgholzhausen", "Werther", "Steinhagen"],
        "lead": "Halle",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2015-01-01",
        "outcomeFigures": [
            {"label": "Abrechnungsfälle", "value": 1420, "unit": "Fälle/Monat"},
            {"label": "Kosten je Abrechnungsfall", "value": 14.5, "unit": "EUR/Monat"},
        ],
        "lessonsLearned": "Eine vollständige Aufgabenübertragung schafft klare Verantwortung, verlangt aber Vertrauen.",
        "transferability": "Für Kommunen, die ohnehin mit demselben Abrechnungsverfahren arbeiten.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Halle (Westf.), Personalabrechnung", "email": "personalabrechnung@halle-westf.example"},
        "keywords": ["Lohnabrechnung", "Gehaltsabrechnung", "Besoldung", "Personalwesen", "Kreis Gütersloh"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitales Fundbüro Rheda-Wiedenbrück, Rietberg und Verl",
        "description": (
            "Verlorene Schlüssel, Handys und Fahrräder werden in den drei Städten in einem gemeinsamen "
            "Online-Fundbüro erfasst. Wer etwas verloren hat, sucht in einer Datenbank für alle drei "
            "Städte und kann Fundsachen direkt reklamieren. Fahrräder werden mit Rahmennummer erfasst "
            "und automatisch mit Diebstahlmeldungen der Polizei abgeglichen. Versteigerungen nicht "
            "abgeholter Fundsachen finden gemeinsam online statt."
        ),
        "participants": ["Rheda-Wiedenbrück", "Rietberg", "Verl"],
        "lead": "Rheda-Wiedenbrück",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2022-02-01",
        "lessonsLearned": "Der Abgleich mit Polizeidaten brauchte eine eigene datenschutzrechtliche Prüfung.",
        "transferability": "Einfach übertragbar, die Plattform ist mandantenfähig.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Fundbüro", "Online-Dienst", "Bürgerservice", "Smart City"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Fördermittelmanagement für Enger, Spenge, Rödinghausen und Kirchlengern",
        "description": (
            "Förderprogramme gibt es viele, doch kleine Verwaltungen verlieren leicht den Überblick. "
            "Vier Kommunen im Kreis Herford haben eine gemeinsame Stelle für Fördermittelmanagement bei "
            "der Stadt Enger eingerichtet. Zwei Fördermittelmanager beobachten Förderaufrufe, prüfen "
            "Projektideen auf Förderfähigkeit, schreiben Anträge mit den Fachämtern und begleiten "
            "Verwendungsnachweise. Ein monatlicher Förder-Newsletter geht an alle Fachbereiche. Die "
            "Kosten tragen die Kommunen nach Einwohnerzahl."
        ),
        "participants": ["Enger", "Spenge", "Rödinghausen", "Kirchlengern"],
        "lead": "Enger",
        "state": "NW",
        "taskAreas": ["01", "16"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2022-07-01",
        "outcomeFigures": [{"label": "Eingeworbene Fördermittel seit Start", "value": 6800000, "unit": "EUR"}],
        "lessonsLearned": "Verwendungsnachweise gehören zum Auftrag – sonst drohen Rückforderungen.",
        "transferability": "Für Kommunen unter 25.000 Einwohnern besonders lohnend.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Fördermittelmanagement", "Förderprogramme", "Drittmittel", "Kreis Herford"],
    },
    {
        "title": "Interkommunales Archiv Bünde, Kirchlengern und Rödinghausen",
        "description": (
            "Ratsprotokolle, Bauakten, Fotos aus hundert Jahren Ortsgeschichte: Bünde, Kirchlengern und "
            "Rödinghausen bauen ein gemeinsames Kommunalarchiv auf. Ein Facharchivar bei der Stadt Bünde "
            "übernimmt Bewertung, Erschließung und Benutzerbetreuung für alle drei Kommunen. Das Magazin "
            "wird in einem umgebauten Schulgebäude in Bünde eingerichtet, mit Klimatechnik und "
            "Brandschutz. Parallel startet die Übernahme elektronischer Unterlagen aus den E-Akten der "
            "Verwaltungen."
        ),
        "participants": ["Bünde", "Kirchlengern", "Rödinghausen"],
        "lead": "Bünde",
        "state": "NW",
        "taskAreas": ["04", "01"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2023-01-01",
        "lessonsLearned": "Die digitale Langzeitarchivierung muss von Anfang an mitgedacht werden.",
        "transferability": "Für Kommunen ohne hauptamtlich besetztes Archiv.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Archiv", "Kommunalarchiv", "Langzeitarchivierung", "Ortsgeschichte"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Standesamt Warburger Börde",
        "description": (
            "Die Stadt Warburg führt seit 2019 das Standesamt auch für Borgentreich und Willebadessen. "
            "Geburten aus dem Warburger Krankenhaus machten ohnehin den Großteil der Beurkundungen aus; "
            "die kleinen Standesämter hatten dagegen kaum Fälle, mussten aber Fachwissen vorhalten. "
            "Heute arbeiten vier Standesbeamtinnen in Warburg, Trauungen bleiben in allen drei Städten "
            "möglich. Urkunden können online bestellt werden."
        ),
        "participants": ["Warburg", "Borgentreich", "Willebadessen"],
        "lead": "Warburg",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2019-07-01",
        "outcomeFigures": [{"label": "Online bestellte Urkunden", "value": 62, "unit": "Prozent"}],
        "lessonsLearned": "Wo ein Krankenhaus liegt, liegt auch der natürliche Sitz eines gemeinsamen Standesamts.",
        "transferability": "Für ländliche Räume mit einem Krankenhausstandort gut übertragbar.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Standesamt", "Beurkundung", "Eheschließung", "Kreis Höxter"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Mitfahrvermittlung Nieheim, Marienmünster und Steinheim",
        "description": (
            "Ohne Auto ist man in den Dörfern zwischen Nieheim, Marienmünster und Steinheim schnell "
            "abgehängt. Die drei Städte haben Mitfahrbänke aufgestellt und mit einer App verknüpft, über "
            "die Fahrten angeboten und gesucht werden können. Ehrenamtliche Mobilitätslotsen haben "
            "älteren Menschen die App erklärt. Das Projekt lief drei Jahre; danach wurde die App mangels "
            "Nutzung abgeschaltet, die Mitfahrbänke sind geblieben und werden weiter genutzt."
        ),
        "participants": ["Nieheim", "Marienmünster", "Steinheim"],
        "lead": "Nieheim",
        "state": "NW",
        "taskAreas": ["12", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "abgeschlossen",
        "startDate": "2019-04-01",
        "endDate": "2022-03-31",
        "fundingProgramme": "LEADER",
        "outcomeFigures": [{"label": "Vermittelte Fahrten über die App", "value": 430, "unit": "Fahrten"}],
        "lessonsLearned": "Analoge Angebote wie Mitfahrbänke wurden besser angenommen als die App.",
        "transferability": "Mitfahrbänke sind einfach übertragbar, digitale Vermittlung braucht kritische Masse.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Mobilität", "Mitfahrbank", "ländlicher Raum", "Ehrenamt", "App"],
    },
    {
        "title": "LED-Umrüstung der Straßenbeleuchtung Lage, Oerlinghausen und Leopoldshöhe",
        "description": (
            "Rund 9.000 Leuchten in drei lippischen Kommunen wurden in einem gemeinsamen Projekt auf LED "
            "umgestellt. Die Stadt Lage hat die Ausschreibung für alle durchgeführt, inklusive "
            "Lichtplanung und Montage. Nachts wird die Beleuchtung in Wohnstraßen gedimmt. Die Kommunen "
            "haben einheitliche Leuchtentypen gewählt, sodass Ersatzteile gemeinsam vorgehalten werden "
            "können. Die Wartung übernimmt ein gemeinsam beauftragter Dienstleister; defekte Leuchten "
            "melden Bürgerinnen und Bürger über ein Onlineformular."
        ),
        "participants": ["Lage", "Oerlinghausen", "Leopoldshöhe"],
        "lead": "Lage",
        "state": "NW",
        "taskAreas": ["12", "14"],
        "legalForm": "oerv-mandatierend",
        "status": "abgeschlossen",
        "startDate": "2017-03-01",
        "endDate": "2020-11-30",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "outcomeFigures": [
            {"label": "Stromeinsparung", "value": 2300000, "unit": "kWh/Jahr"},
            {"label": "CO2-Minderung", "value": 960, "unit": "t/Jahr"},
        ],
        "lessonsLearned": "Einheitliche Leuchtentypen zahlen sich bei Wartung und Ersatzteilen aus.",
        "transferability": "Für alle Kommunen mit veralteter Straßenbeleuchtung.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Straßenbeleuchtung", "LED", "Energieeffizienz", "Klimaschutz", "Kreis Lippe"],
    },
    {
        "title": "Fachstelle Kindertagespflege Lemgo, Bad Salzuflen und Leopoldshöhe",
        "description": (
            "Tagesmütter und Tagesväter finden, qualifizieren und begleiten – das übernimmt für drei "
            "Kommunen eine gemeinsame Fachstelle Kindertagespflege in Lemgo. Sie vermittelt "
            "Betreuungsplätze, organisiert Vertretung bei Krankheit über Stützpunkte und berät Eltern. "
            "Die Jugendämter der Städte bleiben für Bescheide und Kostenbeiträge zuständig. Ein "
            "gemeinsamer Qualifizierungskurs startet zweimal im Jahr. Eine gemeinsame Fortbildungsreihe "
            "hält die Qualifikation der Tagespflegepersonen aktuell."
        ),
        "participants": ["Lemgo", "Bad Salzuflen", "Leopoldshöhe"],
        "lead": "Lemgo",
        "state": "NW",
        "taskAreas": ["06"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2018-08-01",
        "lessonsLearned": "Vertretungsstützpunkte sind das wichtigste Argument für neue Tagespflegepersonen.",
        "transferability": "Für Jugendämter in Nachbarschaft mit ähnlichen Satzungen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Kindertagespflege", "Jugendamt", "Kinderbetreuung", "Tagesmütter"],
    },
    {
        "title": "Geodaten und Straßenkataster im Altkreis Lübbecke",
        "description": (
            "Espelkamp, Rahden, Stemwede und Preußisch Oldendorf pflegen ihr Straßen- und Kanalkataster "
            "in einem gemeinsamen GIS. Ein Vermessungstechniker pro Kommune erfasst Änderungen, ein "
            "gemeinsamer GIS-Administrator in Espelkamp betreut die Plattform. Grundlage ist eine "
            "einheitliche Straßenzustandserfassung, die als Basis für Erhaltungsprogramme und "
            "Straßenausbaubeiträge dient. Die Daten stehen ausschließlich den beteiligten Verwaltungen "
            "zur Verfügung. Die Erfassung wird alle fünf Jahre wiederholt."
        ),
        "participants": ["Espelkamp", "Rahden", "Stemwede", "Preußisch Oldendorf"],
        "lead": "Espelkamp",
        "state": "NW",
        "taskAreas": ["09", "12"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2013-05-01",
        "lessonsLearned": "Eine einheitliche Zustandserfassung macht Erhaltungsprioritäten politisch nachvollziehbar.",
        "transferability": "Für ländliche Kommunen mit langen Gemeindestraßennetzen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Geodaten", "GIS", "Straßenkataster", "Straßenerhaltung"],
    },
    {
        "title": "Klimaschutzmanagement für Hille, Hüllhorst und Lübbecke",
        "description": (
            "Eine Klimaschutzmanagerin, drei Rathäuser: Hille, Hüllhorst und Lübbecke haben gemeinsam "
            "ein integriertes Klimaschutzkonzept erstellt und setzen es mit einer geteilten Stelle um. "
            "Schwerpunkte sind energetische Sanierung kommunaler Gebäude, Photovoltaik-Beratung für "
            "Hausbesitzer und ein Klimaschutzfonds für Vereine. Eine gemeinsame Energiebilanz wird alle "
            "zwei Jahre fortgeschrieben. Die Kosten der Stelle werden nach Einwohnerzahl verteilt, "
            "Fördermittel gemeinsam beantragt. Einmal im Jahr berichtet die Managerin in allen drei "
            "Umweltausschüssen."
        ),
        "participants": ["Lübbecke", "Hille", "Hüllhorst"],
        "lead": "Lübbecke",
        "state": "NW",
        "taskAreas": ["14"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2021-03-01",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "outcomeFigures": [{"label": "Beratene Haushalte zur Photovoltaik", "value": 520, "unit": "Haushalte"}],
        "lessonsLearned": "Eine gemeinsame Energiebilanz macht Fortschritte vergleichbar und motiviert.",
        "transferability": "Für kleine Kommunen, die allein keine Förderquote für eine volle Stelle erreichen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Klimaschutzmanager", "Klimaschutzkonzept", "Energiebilanz", "Photovoltaik"],
    },
    {
        "title": "Abwasserzweckverband Obere Alme",
        "description": (
            "Büren, Bad Wünnenberg und Salzkotten reinigen ihr Abwasser in einer gemeinsamen Kläranlage, "
            "die ein Zweckverband betreibt. Der Verband ist auch für die Verbindungssammler und die "
            "Regenüberlaufbecken zuständig. Die Kommunen erheben weiterhin ihre eigenen Abwassergebühren "
            "und zahlen dem Verband eine Umlage nach Schmutzfracht. Aktuell wird die Anlage um eine "
            "vierte Reinigungsstufe gegen Spurenstoffe erweitert."
        ),
        "participants": ["Büren", "Bad Wünnenberg", "Salzkotten"],
        "lead": "Büren",
        "state": "NW",
        "taskAreas": ["11"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "1998-01-01",
        "outcomeFigures": [{"label": "Angeschlossene Einwohnerwerte", "value": 52000, "unit": "EW"}],
        "lessonsLearned": "Eine Umlage nach Schmutzfracht statt nach Einwohnern ist gerechter, braucht aber Messtechnik.",
        "transferability": "Typisches Modell für Kommunen an einem gemeinsamen Gewässer.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Abwasser", "Kläranlage", "vierte Reinigungsstufe", "Zweckverband", "Kreis Paderborn"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Schulanmeldung im Paderborner Land",
        "description": (
            "Eltern melden ihre Kinder an Grund- und weiterführenden Schulen in Borchen, Altenbeken, Bad "
            "Lippspringe und Hövelhof online an. Ein gemeinsames Portal zeigt Schulprofile, "
            "Ganztagsangebote und Anmeldefristen; Geburtsurkunde und Zeugnisse werden hochgeladen. Die "
            "Schulverwaltungen sehen Anmeldezahlen in Echtzeit und können Zügigkeiten früher planen. "
            "Schulträger und Schulleitungen haben die Abläufe gemeinsam entwickelt. Papieranmeldungen "
            "bleiben für Familien ohne Internetzugang möglich."
        ),
        "participants": ["Bad Lippspringe", "Borchen", "Altenbeken", "Hövelhof"],
        "lead": "Bad Lippspringe",
        "state": "NW",
        "taskAreas": ["03"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2024-05-01",
        "lessonsLearned": "Schulleitungen früh einbinden – sie kennen die Sonderfälle.",
        "transferability": "Für Schulträger mit gleichem Schulverwaltungsprogramm direkt nachnutzbar.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Schulverwaltung", "Schulanmeldung", "Online-Dienst", "Schulentwicklungsplanung"],
    },
    {
        "title": "Nachtbuslinie Bielefeld, Oerlinghausen und Lage",
        "description": (
            "Am Wochenende verbindet eine Nachtbuslinie Bielefeld mit Oerlinghausen und Lage. Die drei "
            "Kommunen haben die Linie gemeinsam beim Verkehrsunternehmen bestellt und teilen sich das "
            "Defizit nach gefahrenen Kilometern im jeweiligen Gebiet. Die Linie fährt stündlich bis in "
            "die frühen Morgenstunden und hält an Bahnhöfen und Diskotheken. Fahrgastzählungen fließen "
            "jährlich in die Abstimmung des Fahrplans ein."
        ),
        "participants": ["Bielefeld", "Oerlinghausen", "Lage"],
        "lead": "Bielefeld",
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2016-12-01",
        "lessonsLearned": "Jährliche Fahrgastzählungen halten die Kostenverteilung transparent.",
        "transferability": "Für Oberzentren und ihr Umland mit Nachtleben-Pendlern.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["ÖPNV", "Nachtbus", "Busverkehr", "Jugend", "Mobilität"],
    },
    {
        "title": "Gründer- und Innovationszentrum Gütersloh und Verl",
        "description": (
            "Gütersloh und Verl betreiben gemeinsam ein Gründer- und Innovationszentrum für junge "
            "Unternehmen aus IT, Maschinenbau und Logistik. Die Betreibergesellschaft vermietet Büros "
            "und Werkstätten zu Startkonditionen, organisiert Mentoringprogramme mit ansässigen "
            "Familienunternehmen und ein Pitch-Format. Beide Städte sind Gesellschafter; die "
            "Wirtschaftsförderungen arbeiten eng zusammen. Die Räume liegen verkehrsgünstig an der "
            "Stadtgrenze nahe der Autobahn. Ein Beirat mit Hochschule und Kammern berät bei der Auswahl "
            "der Mieter."
        ),
        "participants": ["Gütersloh", "Verl"],
        "lead": "Gütersloh",
        "state": "NW",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2018-09-01",
        "lessonsLearned": "Mentoring durch etablierte Unternehmen war attraktiver als günstige Mieten.",
        "transferability": "Für Wirtschaftsräume mit starkem Mittelstand.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Gründerzentrum", "Start-ups", "Wirtschaftsförderung", "Innovation"],
    },
    {
        "title": "WeserCard für Höxter, Beverungen und Holzminden",
        "description": (
            "Über die Landesgrenze hinweg bieten Höxter, Beverungen und das niedersächsische Holzminden "
            "eine gemeinsame Gästekarte an. Übernachtungsgäste fahren mit der WeserCard kostenlos Bus, "
            "erhalten Rabatte bei Museen, Fähren und Kanuverleihen und können Veranstaltungen in allen "
            "drei Städten buchen. Finanziert wird die Karte über einen Anteil des Gästebeitrags; ein "
            "touristischer Verein übernimmt Vertrieb und Abrechnung mit den Leistungspartnern."
        ),
        "participants": ["Höxter", "Beverungen", "Holzminden|NI"],
        "lead": "Höxter",
        "state": "NW",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2020-04-01",
        "outcomeFigures": [{"label": "Ausgegebene Gästekarten", "value": 33000, "unit": "Karten/Jahr"}],
        "lessonsLearned": "Unterschiedliches Kurortrecht in zwei Ländern erforderte eine juristische Sonderprüfung.",
        "transferability": "Für Tourismusregionen, die an Landesgrenzen enden.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Tourismus", "Gästekarte", "Weserbergland", "länderübergreifend", "ÖPNV"],
    },
    {
        "title": "Neues Hallenbad für Bad Oeynhausen, Löhne und Vlotho",
        "description": (
            "Alle drei Städte haben sanierungsbedürftige Hallenbäder. Statt drei Bäder zu sanieren, "
            "prüfen Bad Oeynhausen, Löhne und Vlotho den gemeinsamen Neubau eines Sport- und "
            "Familienbads mit Lehrschwimmbecken an einem zentralen Standort. Eine Machbarkeitsstudie "
            "liegt vor; sie vergleicht Standorte nach Erreichbarkeit mit Bus und Rad. Als Träger ist ein "
            "Zweckverband vorgesehen, der auch Schulschwimmzeiten verteilt."
        ),
        "participants": ["Bad Oeynhausen", "Löhne", "Vlotho"],
        "lead": "Bad Oeynhausen",
        "state": "NW",
        "taskAreas": ["08", "03"],
        "legalForm": "zweckverband",
        "status": "geplant",
        "startDate": "2027-01-01",
        "fundingProgramme": "Sportstättenförderung NRW",
        "lessonsLearned": "Die Standortfrage entscheidet über die politische Mehrheit – früh transparent machen.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Hallenbad", "Schulschwimmen", "Sportstätten", "Zweckverband", "Machbarkeitsstudie"],
    },
    {
        "title": "Interkommunaler Gewerbepark Borchen-Paderborn an der A33",
        "description": (
            "Die Gemeinde Borchen und die Stadt Paderborn entwickeln gemeinsam einen Gewerbepark an der "
            "Autobahn 33. Ein Zweckverband plant, erschließt und vermarktet die Flächen; "
            "Erschließungskosten und Gewerbesteuereinnahmen werden im Verhältnis 60 zu 40 geteilt. "
            "Bevorzugt werden Betriebe mit hoher Arbeitsplatzdichte und geringem Verkehrsaufkommen "
            "angesiedelt. Ein Regenrückhaltebecken dient zugleich als Ausgleichsfläche. Die "
            "Bauleitplanung liegt beim Zweckverband, die Baugenehmigungen erteilt die zuständige "
            "Bauaufsicht."
        ),
        "participants": ["Borchen", "Paderborn"],
        "lead": "Borchen",
        "state": "NW",
        "taskAreas": ["15", "09"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2012-01-01",
        "outcomeFigures": [
            {"label": "Vermarktete Fläche", "value": 28, "unit": "ha"},
            {"label": "Geschaffene Arbeitsplätze", "value": 1150, "unit": "Arbeitsplätze"},
        ],
        "lessonsLearned": "Ansiedlungskriterien vorab gemeinsam festlegen, sonst entscheidet der erste Interessent.",
        "transferability": "Für Oberzentrum und Umlandgemeinde mit Flächenknappheit.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["interkommunales Gewerbegebiet", "Gewerbeflächen", "Zweckverband", "Wirtschaftsförderung"],
    },
    {
        "title": "Bürgerstiftung Teutoburger Wald für Detmold und Horn-Bad Meinberg",
        "description": (
            "Detmold und Horn-Bad Meinberg haben gemeinsam mit Unternehmen und Privatpersonen eine "
            "Bürgerstiftung gegründet, die Kultur, Heimatpflege und Jugendprojekte im Umfeld der "
            "Externsteine fördert. Die beiden Städte haben das Gründungskapital gestellt und sind im "
            "Stiftungsrat vertreten; die laufende Verwaltung erledigt die Kämmerei Detmold. Zustiftungen "
            "und Spenden werden gemeinsam eingeworben, über die Förderung entscheidet ein unabhängiger "
            "Vorstand."
        ),
        "participants": ["Detmold", "Horn-Bad Meinberg"],
        "lead": "Detmold",
        "state": "NW",
        "taskAreas": ["17", "04"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2010-05-01",
        "outcomeFigures": [{"label": "Stiftungskapital", "value": 1250000, "unit": "EUR"}],
        "lessonsLearned": "Die Trennung von Verwaltung (Kämmerei) und Förderentscheidung (Vorstand) schafft Vertrauen.",
        "transferability": "Für Nachbarstädte mit gemeinsamer kultureller Identität.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Bürgerstiftung", "Stiftungen", "Kulturförderung", "Heimatpflege"],
    },
    {
        "title": "Ehrenamtsagentur Minden, Porta Westfalica und Petershagen",
        "description": (
            "Wer sich engagieren möchte, findet in der gemeinsamen Ehrenamtsagentur passende Angebote in "
            "allen drei Städten: Lesepatenschaften, Fahrdienste, Tafelarbeit, Sportvereine. Die Agentur "
            "berät Vereine zu Versicherung und Datenschutz, organisiert eine jährliche Ehrenamtsmesse "
            "und verwaltet die Ehrenamtskarte NRW. Getragen wird sie gemeinsam von den Städten; die "
            "Koordinatorin sitzt in Minden und bietet Sprechstunden in Porta Westfalica und Petershagen "
            "an."
        ),
        "participants": ["Minden", "Porta Westfalica", "Petershagen"],
        "lead": "Minden",
        "state": "NW",
        "taskAreas": ["05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2017-02-01",
        "lessonsLearned": "Sprechstunden vor Ort sind wichtiger als die Online-Börse.",
        "transferability": "Einfach übertragbar, auch als Kreisangebot.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Ehrenamt", "Engagementförderung", "Vereine", "Ehrenamtskarte"],
    },
]
