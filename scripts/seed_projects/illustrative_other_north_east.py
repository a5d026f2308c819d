"""Illustrative (made-up) catalogue entries outside NRW: Niedersachsen, Schleswig-Holstein,
Sachsen, Brandenburg, Thüringen.

Participants are real neighbouring municipalities; projects, figures and mailboxes are invented.
Cooperations under another Land's law (Zweckvereinbarung, Verwaltungsgemeinschaft, Schulverband
...) are classified as "sonstige" unless a Zweckverband or a joint municipal enterprise is meant.
"""

from __future__ import annotations

from seed_projects.build import Org

ENTRIES = [
    # ------------------------------------------------------------------ Niedersachsen
    {
        "type": "sharedServiceCenter",
        "title": "Lohnbuchhaltung für Wedemark, Burgwedel und Isernhagen",
        "description": (
            "Die Gemeinde Wedemark führt per Zweckvereinbarung die Lohn- und Gehaltsbuchhaltung für die "
            "Nachbarkommunen Burgwedel und Isernhagen. Rund 900 Beschäftigte, Beamtinnen und Beamte, "
            "Aushilfen in Freibädern und Ehrenamtspauschalen werden in einem gemeinsamen "
            "Abrechnungssystem geführt. Änderungsmitteilungen kommen über ein elektronisches Formular, "
            "die Lohnsteueranmeldungen gehen gebündelt ans Finanzamt. Für Rückfragen von Beschäftigten "
            "gibt es eine gemeinsame Telefonnummer."
        ),
        "participants": ["Wedemark", "Burgwedel", "Isernhagen"],
        "lead": "Wedemark",
        "state": "NI",
        "taskAreas": ["01"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2016-01-01",
        "outcomeFigures": [{"label": "Personalkostenanteil der Abrechnung (Reduktion)", "value": 22, "unit": "Prozent"}],
        "lessonsLearned": "Saisonkräfte in Bädern und Ferienbetreuung sorgen für Spitzen – dafür Puffer einplanen.",
        "transferability": "Für Umlandgemeinden einer Region mit gleicher Software leicht übertragbar.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Gemeinde Wedemark, Personalservice", "email": "lohnbuchhaltung@wedemark.example"},
        "keywords": ["Lohnabrechnung", "Lohnbuchhaltung", "Gehaltsabrechnung", "Region Hannover"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Kommunale Einkaufsanstalt Osnabrücker Land",
        "description": (
            "Bramsche, Wallenhorst, Belm und Bissendorf haben für ihren Einkauf eine gemeinsame "
            "kommunale Anstalt gegründet. Sie schreibt Rahmenverträge für Büromaterial, "
            "Reinigungsdienste, Fahrzeuge, Streusalz und Schulmöbel aus und berät die Verwaltungen bei "
            "Einzelbeschaffungen. Die Anstalt achtet auf Nachhaltigkeitskriterien wie Recyclingpapier "
            "und emissionsarme Fahrzeuge. Über die Abrufe behalten die Kommunen ihre "
            "Haushaltsverantwortung; die Anstalt finanziert sich über eine Umlage nach "
            "Beschaffungsvolumen."
        ),
        "participants": ["Bramsche", "Wallenhorst", "Belm", "Bissendorf"],
        "lead": "Bramsche",
        "state": "NI",
        "taskAreas": ["01"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2019-01-01",
        "outcomeFigures": [{"label": "Gebündeltes Beschaffungsvolumen", "value": 7400000, "unit": "EUR/Jahr"}],
        "lessonsLearned": "Eine eigene Anstalt lohnt sich erst ab einem gewissen Volumen; vorher reicht eine Vereinbarung.",
        "transferability": "Für Gemeindegruppen mit hohem gemeinsamen Beschaffungsbedarf.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "in-pruefung",
        "website": "https://www.bramsche.de/",
        "keywords": ["gemeinsame Beschaffung", "Einkauf", "Rahmenverträge", "nachhaltige Beschaffung", "Anstalt"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Mobilitätsplattform Göttinger Land",
        "description": (
            "Duderstadt, Friedland, Rosdorf und Bovenden bauen eine gemeinsame Plattform auf, die Bus, "
            "Anrufsammeltaxi, Bürgerbus und private Mitfahrangebote in einer App bündelt. Fahrgäste "
            "sehen Verbindungen über Gemeindegrenzen hinweg und können Rufbusse direkt buchen. Die "
            "Kommunen teilen sich Lizenz und Redaktion; der Landkreis als Aufgabenträger des ÖPNV "
            "liefert Fahrplandaten. Ein Testbetrieb läuft in ausgewählten Ortsteilen."
        ),
        "participants": ["Duderstadt", "Friedland", "Rosdorf", "Bovenden"],
        "lead": "Rosdorf",
        "state": "NI",
        "taskAreas": ["12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-08-01",
        "fundingProgramme": "Zukunftsräume Niedersachsen",
        "lessonsLearned": "Rufbusse werden erst genutzt, wenn die Buchung auch telefonisch möglich ist.",
        "transferability": "Für ländliche Räume mit zersplitterten Mobilitätsangeboten.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Mobilität", "Rufbus", "ÖPNV", "App", "ländlicher Raum"],
    },
    {
        "title": "Jugendberufsagentur Cloppenburger Land",
        "description": (
            "Junge Menschen zwischen Schule und Beruf sollen nicht zwischen Zuständigkeiten verloren "
            "gehen. Cloppenburg, Garrel, Emstek und Molbergen betreiben gemeinsam mit Arbeitsagentur und "
            "Jobcenter eine Jugendberufsagentur. Berufsberatung, Jugendsozialarbeit und Leistungen des "
            "Jobcenters sind unter einem Dach erreichbar; Sprechstunden finden auch in Schulen der "
            "Umlandgemeinden statt. Ein gemeinsames Fallmanagement verhindert, dass Jugendliche mehrfach "
            "ihre Geschichte erzählen müssen."
        ),
        "participants": ["Cloppenburg", "Garrel", "Emstek", "Molbergen", Org("Agentur für Arbeit (Partnerin)")],
        "lead": "Cloppenburg",
        "state": "NI",
        "taskAreas": ["06", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2018-09-01",
        "lessonsLearned": "Datenschutzkonforme Fallübergaben zwischen den Partnern mussten eigens geregelt werden.",
        "transferability": "Für Landkreise und Gemeinden, die Übergänge Schule-Beruf verbessern wollen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Jugendberufsagentur", "Übergang Schule-Beruf", "Jugendsozialarbeit", "Berufsberatung"],
    },
    {
        "title": "Klimaanpassungsmanagement Wesermarsch-Süd",
        "description": (
            "Tiefliegende Marschen, steigende Grundwasserstände und Hitzesommer: Brake, Elsfleth, Berne "
            "und Lemwerder haben gemeinsam eine Stelle für Klimaanpassungsmanagement geschaffen. Die "
            "Managerin erarbeitet ein Anpassungskonzept mit Maßnahmen für Entwässerung, Hitzeschutz in "
            "Kitas und Pflegeheimen und Begrünung der Ortskerne. Mit Deich- und Entwässerungsverbänden "
            "werden Zuständigkeiten abgestimmt. Die Stelle ist in Brake angesiedelt. Die Bürgerinnen und "
            "Bürger werden über Informationsabende und eine Hitzeschutz-Broschüre eingebunden."
        ),
        "participants": ["Brake", "Elsfleth", "Berne", "Lemwerder"],
        "lead": "Brake",
        "state": "NI",
        "taskAreas": ["14", "11"],
        "legalForm": "sonstige",
        "status": "in-umsetzung",
        "startDate": "2024-02-01",
        "fundingProgramme": "Förderprogramm Anpassung urbaner und ländlicher Räume an den Klimawandel (Bund)",
        "lessonsLearned": "Ohne Entwässerungsverbände am Tisch lassen sich in der Marsch keine Maßnahmen planen.",
        "transferability": "Für Küsten- und Marschgemeinden gut übertragbar.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Klimaanpassung", "Hitzeschutz", "Entwässerung", "Küste", "Wesermarsch"],
    },
    {
        "title": "Zweckverband Gewerbepark A28 Ganderkesee, Hude und Hatten",
        "description": (
            "Direkt an der Autobahn 28 entwickeln Ganderkesee, Hude und Hatten einen gemeinsamen "
            "Gewerbepark. Der Zweckverband hat die Flächen angekauft, den Bebauungsplan aufgestellt und "
            "die Erschließung ausgeschrieben. Logistik soll nur begrenzt zugelassen werden; bevorzugt "
            "sind Handwerk und produzierendes Gewerbe mit Ausbildungsplätzen. Gewerbesteuer und Kosten "
            "werden nach Anteilen von 40, 30 und 30 Prozent verteilt."
        ),
        "participants": ["Ganderkesee", "Hude", "Hatten"],
        "lead": "Ganderkesee",
        "state": "NI",
        "taskAreas": ["15", "09"],
        "legalForm": "zweckverband",
        "status": "in-umsetzung",
        "startDate": "2022-01-01",
        "lessonsLearned": "Ein Kriterienkatalog für Ansiedlungen hilft, Logistikanfragen begründet abzulehnen.",
        "transferability": "Für Gemeinden an Verkehrsachsen mit knappen eigenen Flächen.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["interkommunales Gewerbegebiet", "Zweckverband", "Wirtschaftsförderung", "Handwerk"],
    },
    {
        "title": "Musikschulverbund Deister",
        "description": (
            "Wennigsen, Gehrden, Ronnenberg und Barsinghausen tragen gemeinsam eine Musikschule mit "
            "Unterrichtsorten in allen vier Städten und Gemeinden. Der Zweckverband beschäftigt rund "
            "vierzig Lehrkräfte, organisiert Bläserklassen an Grundschulen und ein "
            "Jugendsinfonieorchester. Gebührenermäßigungen für Familien mit geringem Einkommen gelten "
            "einheitlich. Seit Kurzem gibt es Instrumentenkarussells, bei denen Kinder mehrere "
            "Instrumente ausprobieren. Die Geschäftsstelle sitzt in Barsinghausen, unterrichtet wird "
            "auch in Schulen und Gemeindehäusern."
        ),
        "participants": ["Barsinghausen", "Wennigsen", "Gehrden", "Ronnenberg"],
        "lead": "Barsinghausen",
        "state": "NI",
        "taskAreas": ["04"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2001-08-01",
        "lessonsLearned": "Einheitliche Sozialermäßigungen waren politisch schwierig, aber für Familien entscheidend.",
        "transferability": "Bewährtes Modell für Umlandgemeinden einer Großstadt.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Musikschule", "kulturelle Bildung", "Zweckverband", "Bläserklasse"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsame Datenschutzbeauftragte im Emsland-Süd",
        "description": (
            "Meppen, Haren (Ems), Geeste und Twist haben per Zweckvereinbarung zwei gemeinsame "
            "Datenschutzbeauftragte bestellt. Sie prüfen neue Fachverfahren, begleiten Videoüberwachung "
            "an Schulen und Bahnhöfen, bearbeiten Auskunftsersuchen nach der DSGVO und schulen "
            "Beschäftigte. Muster für Einwilligungen, Verzeichnisse und Löschkonzepte gelten in allen "
            "vier Verwaltungen. Bei Datenpannen stehen sie als Rufbereitschaft zur Verfügung. Die Kosten "
            "werden nach Beschäftigtenzahl aufgeteilt, die Stellen sind in Meppen angesiedelt."
        ),
        "participants": ["Meppen", "Haren", "Geeste", "Twist"],
        "lead": "Meppen",
        "state": "NI",
        "taskAreas": ["01"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2018-05-01",
        "lessonsLearned": "Gemeinsame Musterdokumente sparen am meisten Zeit.",
        "transferability": "Für jede Gruppe von Kommunen mit ähnlicher IT-Landschaft.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Datenschutzbeauftragter", "DSGVO", "Datenschutz", "Emsland"],
    },
    {
        "title": "Wohnraumgesellschaft Osnabrück, Georgsmarienhütte und Hasbergen",
        "description": (
            "Um mehr bezahlbaren Wohnraum zu schaffen, haben die Stadt Osnabrück und ihre Nachbarn "
            "Georgsmarienhütte und Hasbergen eine gemeinsame Wohnungsbaugesellschaft gegründet. Sie baut "
            "und erwirbt Mietwohnungen mit Belegungsbindung, bevorzugt auf kommunalen Grundstücken. Die "
            "Gesellschafter bringen Flächen und Eigenkapital ein; die Landeswohnraumförderung finanziert "
            "einen Teil der Baukosten. Die ersten beiden Bauprojekte sind im Bau."
        ),
        "participants": ["Osnabrück", "Georgsmarienhütte", "Hasbergen"],
        "lead": "Osnabrück",
        "state": "NI",
        "taskAreas": ["10"],
        "legalForm": "privatrechtlich",
        "status": "in-umsetzung",
        "startDate": "2021-11-01",
        "fundingProgramme": "Wohnraumförderung Niedersachsen",
        "outcomeFigures": [{"label": "Geplante Mietwohnungen mit Belegungsbindung", "value": 320, "unit": "Wohnungen"}],
        "lessonsLearned": "Die Umlandgemeinden bringen Flächen ein, die Stadt die Erfahrung – beides ist nötig.",
        "transferability": "Für Stadt-Umland-Räume mit angespanntem Wohnungsmarkt.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Wohnraumförderung", "bezahlbares Wohnen", "Wohnungsbaugesellschaft", "Stadt-Umland"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Standesamt Südharz",
        "description": (
            "Bad Sachsa, Walkenried und Bad Lauterberg im Harz betreiben ein gemeinsames Standesamt mit "
            "Sitz in Bad Lauterberg. Die Trauorte in den Kurparks, im Kloster Walkenried und in den "
            "Rathäusern bleiben erhalten; Beurkundungen und Urkunden erledigt das gemeinsame Team. Durch "
            "die Zusammenlegung ist das Standesamt an fünf Tagen pro Woche geöffnet statt an zwei. Eine "
            "Notfallvertretung für Sterbefallbeurkundungen an Feiertagen ist nun gesichert."
        ),
        "participants": ["Bad Lauterberg im Harz", "Bad Sachsa", "Walkenried"],
        "lead": "Bad Lauterberg im Harz",
        "state": "NI",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2017-01-01",
        "outcomeFigures": [{"label": "Öffnungstage pro Woche (vorher 2)", "value": 5, "unit": "Tage"}],
        "lessonsLearned": "Besondere Trauorte sind ein Aushängeschild – sie zu erhalten, war nicht verhandelbar.",
        "transferability": "Für kleine Tourismusorte mit vielen Trauungen von Gästen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Standesamt", "Trauung", "Harz", "Personenstandswesen"],
    },
    # ------------------------------------------------------------------ Schleswig-Holstein
    {
        "type": "sharedServiceCenter",
        "title": "Zentrale Vergabestelle Elmshorn für Uetersen, Tornesch und Barmstedt",
        "description": (
            "Die Stadt Elmshorn führt per öffentlich-rechtlichem Vertrag die Vergabeverfahren für "
            "Uetersen, Tornesch und Barmstedt durch. Die Vergabestelle kümmert sich um Verfahrenswahl, "
            "Bekanntmachung, Fristen, Prüfung der Angebote und die Vergabedokumentation, gerade bei "
            "geförderten Schulbauten und Kita-Neubauten. Fachämter bleiben für Bedarf und technische "
            "Wertung verantwortlich. Ein gemeinsames Vergabehandbuch mit Checklisten wird laufend "
            "aktualisiert. Abgerechnet wird nach Auftragswert und Verfahrensart."
        ),
        "participants": ["Elmshorn", "Uetersen", "Tornesch", "Barmstedt"],
        "lead": "Elmshorn",
        "state": "SH",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2019-04-01",
        "lessonsLearned": "Fördermittelgeber prüfen Vergaben streng; die gemeinsame Dokumentation hat Rückforderungen verhindert.",
        "transferability": "Für Städte eines Kreises mit vielen Förderprojekten.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Elmshorn, Zentrale Vergabestelle", "email": "vergabe@elmshorn.example"},
        "website": "https://www.elmshorn.de/",
        "keywords": ["Vergabestelle", "Vergaberecht", "Ausschreibung", "Kreis Pinneberg"],
    },
    {
        "title": "Klimaschutz und Wärmeplanung Ahrensburg, Großhansdorf und Ammersbek",
        "description": (
            "Ahrensburg, Großhansdorf und Ammersbek haben ein gemeinsames Klimaschutzteam mit zwei "
            "Stellen aufgebaut, das auch die kommunale Wärmeplanung für alle drei Kommunen erarbeitet. "
            "Grundlage ist eine gemeinsame Energie- und Treibhausgasbilanz. Geprüft werden unter anderem "
            "Nahwärmenetze in Neubaugebieten und die Nutzung von Abwärme aus einem Rechenzentrum. Die "
            "Bürgerinformation läuft über eine gemeinsame Website und Veranstaltungen in allen Orten."
        ),
        "participants": ["Ahrensburg", "Großhansdorf", "Ammersbek"],
        "lead": "Ahrensburg",
        "state": "SH",
        "taskAreas": ["14"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-06-01",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "lessonsLearned": "Eine gemeinsame Bilanz macht Zielkonflikte zwischen den Kommunen früh sichtbar.",
        "transferability": "Für Umlandgemeinden einer Metropole mit ähnlicher Siedlungsstruktur.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Klimaschutz", "Wärmeplanung", "Abwärme", "Kreis Stormarn"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitaler Bürgerservice Quickborn, Halstenbek und Rellingen",
        "description": (
            "Meldebescheinigung, Anwohnerparkausweis, Hundesteuer-Anmeldung: Quickborn, Halstenbek und "
            "Rellingen bieten ihre häufigsten Verwaltungsleistungen über ein gemeinsames Serviceportal "
            "online an. Die Formulare werden einmal entwickelt und dreimal genutzt, Bezahlung und "
            "Bescheidversand laufen digital. Ein gemeinsames Digitalisierungsteam priorisiert Leistungen "
            "nach Fallzahlen. Bürgerinnen und Bürger ohne Internet erhalten Unterstützung in den "
            "Rathäusern. Bisher sind zwanzig Leistungen online, weitere folgen im Quartalsrhythmus. Die "
            "Zugriffszahlen werden gemeinsam ausgewertet, um zu sehen, welche Dienste tatsächlich "
            "genutzt werden."
        ),
        "participants": ["Quickborn|Pinneberg", "Halstenbek", "Rellingen"],
        "lead": "Quickborn|Pinneberg",
        "state": "SH",
        "taskAreas": ["01", "02"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-11-01",
        "lessonsLearned": "Nach Fallzahlen priorisieren bringt mehr als die Reihenfolge des OZG-Katalogs.",
        "transferability": "Für Nachbargemeinden mit gleichem Serviceportal.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Serviceportal", "Online-Dienste", "OZG", "Bürgerservice", "Smart City"],
    },
    {
        "title": "Abwasserbetrieb Reinbek, Glinde und Oststeinbek",
        "description": (
            "Die drei Kommunen an der Hamburger Stadtgrenze betreiben ihre Abwasserbeseitigung in einem "
            "gemeinsamen Kommunalunternehmen. Es plant und saniert Kanäle, betreibt Pumpwerke und erhebt "
            "die Gebühren. Durch eine gemeinsame Kanalsanierungsstrategie konnten Bauaufträge größer und "
            "damit günstiger ausgeschrieben werden. Das Unternehmen hat außerdem ein "
            "Starkregenrisikomanagement für alle drei Gemeinden aufgebaut. Die Gebührenkalkulation "
            "erfolgt weiterhin getrennt für jedes Gemeindegebiet. Der Verwaltungsrat ist mit Vertretern "
            "aller drei Kommunen besetzt."
        ),
        "participants": ["Reinbek", "Glinde", "Oststeinbek"],
        "lead": "Reinbek",
        "state": "SH",
        "taskAreas": ["11"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2012-01-01",
        "outcomeFigures": [{"label": "Jährlich sanierte Kanalstrecke", "value": 4.2, "unit": "km/Jahr"}],
        "lessonsLearned": "Größere Sanierungslose senken die Preise spürbar.",
        "transferability": "Für Nachbarkommunen mit vergleichbaren Kanalnetzen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Abwasser", "Kanalsanierung", "Kommunalunternehmen", "Starkregen"],
    },
    {
        "title": "Schulverband Moorrege, Heist und Haseldorf",
        "description": (
            "Die Grundschule und die offene Ganztagsschule für drei Gemeinden in der Haseldorfer Marsch "
            "trägt ein Schulverband. Er ist Schulträger, unterhält die Gebäude, organisiert "
            "Schülerbeförderung und Mittagessen und stellt Schulsozialarbeit. Die Verbandsumlage richtet "
            "sich nach Schülerzahlen. Aktuell wird ein Anbau für den Ganztag geplant, weil der "
            "Rechtsanspruch auf Ganztagsbetreuung kommt. Die Verbandsversammlung tagt viermal im Jahr, "
            "die Geschäfte führt das Amt."
        ),
        "participants": ["Moorrege", "Heist", "Haseldorf"],
        "lead": "Moorrege",
        "state": "SH",
        "taskAreas": ["03"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "1972-08-01",
        "lessonsLearned": "Eine Umlage nach Schülerzahlen ist gerecht, schwankt aber stark – Rücklagen bilden.",
        "transferability": "Typisches Modell für kleine Gemeinden mit gemeinsamer Grundschule.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Schulverband", "Schulträger", "Ganztag", "Schulverwaltung"],
    },
    {
        "title": "Gemeinsamer Bauhof Trittau, Lütjensee und Großensee",
        "description": (
            "Trittau, Lütjensee und Großensee hatten 2017 ihre Bauhöfe zusammengelegt, um Fahrzeuge und "
            "Personal besser auszulasten. Nach vier Jahren wurde die Kooperation beendet. Die kleineren "
            "Gemeinden fühlten sich bei Einsätzen nachrangig behandelt, die Abrechnung nach Stunden "
            "führte zu Streit, und eine gemeinsame Leitung fehlte. Heute arbeiten die Gemeinden wieder "
            "mit eigenen Bauhöfen, leihen sich aber weiterhin einzelne Großgeräte."
        ),
        "participants": ["Trittau", "Lütjensee", "Großensee"],
        "lead": "Trittau",
        "state": "SH",
        "taskAreas": ["12", "13"],
        "legalForm": "oerv-mandatierend",
        "status": "eingestellt",
        "startDate": "2017-01-01",
        "endDate": "2021-03-31",
        "lessonsLearned": "Ohne eigene Leitung und feste Prioritätenregeln verliert ein gemeinsamer Bauhof das Vertrauen der Partner.",
        "transferability": "Als Lernbeispiel für die Steuerung gemeinsamer Bauhöfe.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Bauhof", "gescheiterte Kooperation", "Steuerung", "Kreis Stormarn"],
    },
    {
        "title": "Radroute Wedel – Hamburg-Blankenese",
        "description": (
            "Die Stadt Wedel und die Freie und Hansestadt Hamburg planen gemeinsam eine durchgehende "
            "Radroute entlang der Elbe. An der Landesgrenze wechseln bisher Belag, Breite und "
            "Beschilderung; Pendler müssen Umwege über Hauptstraßen fahren. Eine Planungsgruppe aus "
            "Stadt Wedel, dem Hamburger Bezirksamt und dem Kreis stimmt Trasse, Standards und "
            "Förderanträge ab. Gebaut wird jeweils auf eigenem Gebiet, aber nach einem gemeinsamen "
            "Zeitplan."
        ),
        "participants": ["Wedel", "Hamburg|HH"],
        "lead": "Wedel",
        "state": "SH",
        "taskAreas": ["12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "startDate": "2026-03-01",
        "fundingProgramme": "Sonderprogramm Stadt und Land (Radverkehr)",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Radverkehr", "länderübergreifend", "Pendler", "Metropolregion Hamburg"],
    },
    # ------------------------------------------------------------------ Sachsen
    {
        "type": "sharedServiceCenter",
        "title": "Kassen- und Steuerverwaltung Naunhof, Borsdorf und Parthenstein",
        "description": (
            "Per Zweckvereinbarung führt die Stadt Naunhof die Kassengeschäfte und die Veranlagung von "
            "Grund-, Gewerbe- und Hundesteuer auch für Borsdorf und Parthenstein. Die Gemeinden behalten "
            "ihre Haushalte und Satzungen, Hebesätze beschließen weiterhin die eigenen Räte. Das "
            "gemeinsame Team nutzt ein Finanzverfahren mit getrennten Mandanten. Für Bürger bleibt die "
            "Zahlstelle im eigenen Rathaus erhalten. Die Ergebnisse werden nur im Netzwerk geteilt, bis "
            "die Evaluation abgeschlossen ist."
        ),
        "participants": ["Naunhof", "Borsdorf", "Parthenstein"],
        "lead": "Naunhof",
        "state": "SN",
        "taskAreas": ["01", "16"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "outcomeFigures": [{"label": "Personalstellen in Kasse und Steuern (vorher 5,5)", "value": 4, "unit": "Stellen"}],
        "lessonsLearned": "Getrennte Mandanten in derselben Software erleichtern Prüfung und Abgrenzung.",
        "transferability": "Für kleine sächsische Gemeinden ohne Verwaltungsverband.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Kassenwesen", "Steuerveranlagung", "Grundsteuer", "Zweckvereinbarung", "Landkreis Leipzig"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Dorfläden im Erzgebirge",
        "description": (
            "In vielen Erzgebirgsdörfern gibt es keinen Laden mehr. Olbernhau, Seiffen, Pockau-Lengefeld "
            "und Marienberg unterstützen gemeinsam digitale Dorfläden: kleine, rund um die Uhr geöffnete "
            "Läden mit Selbstbedienungskasse, die regionale Produkte und Waren des täglichen Bedarfs "
            "anbieten. Die Kommunen stellen Räume, übernehmen einen Teil der Technikkosten und bündeln "
            "die Ausschreibung für Kassen- und Zugangssysteme. Betrieben werden die Läden von "
            "Genossenschaften oder Direktvermarktern."
        ),
        "participants": ["Marienberg", "Olbernhau", "Seiffen/Erzgeb.", "Pockau-Lengefeld"],
        "lead": "Marienberg",
        "state": "SN",
        "taskAreas": ["15", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-04-01",
        "fundingProgramme": "Regionalbudget LEADER Sachsen",
        "outcomeFigures": [{"label": "Eröffnete digitale Dorfläden", "value": 5, "unit": "Läden"}],
        "lessonsLearned": "Ohne lokalen Betreiber mit Herzblut trägt auch die beste Technik keinen Laden.",
        "transferability": "Für ländliche Räume mit Nahversorgungslücken.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Nahversorgung", "Dorfladen", "Selbstbedienung", "ländlicher Raum", "Smart Village"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Sorbischer Sprachdienst für Bautzen, Radibor und Göda",
        "description": (
            "Im sorbischen Siedlungsgebiet haben Bürgerinnen und Bürger das Recht, mit der Verwaltung "
            "Sorbisch zu sprechen. Bautzen, Radibor und Göda teilen sich einen Sprachdienst mit zwei "
            "Übersetzerinnen, der Bescheide, Formulare, Beschilderungen und Internetauftritte "
            "zweisprachig aufbereitet und bei Bedarf zu Terminen dolmetscht. Eine gemeinsame "
            "Terminologiedatenbank sorgt dafür, dass Fachbegriffe in allen drei Kommunen gleich "
            "übersetzt werden."
        ),
        "participants": ["Bautzen", "Radibor", "Göda"],
        "lead": "Bautzen",
        "state": "SN",
        "taskAreas": ["01", "04"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2018-03-01",
        "outcomeFigures": [{"label": "Übersetzte Seiten", "value": 2600, "unit": "Seiten/Jahr"}],
        "lessonsLearned": "Eine gemeinsame Terminologiedatenbank ist das Herzstück – sie wächst mit jedem Auftrag.",
        "transferability": "Für Kommunen mit Minderheitensprachen oder vielen Übersetzungsbedarfen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Sorbisch", "Übersetzung", "Zweisprachigkeit", "Minderheitensprache", "Lausitz"],
    },
    {
        "title": "Tourismusgemeinschaft Leipziger Neuseenland-Süd",
        "description": (
            "Markkleeberg, Zwenkau, Großpösna und Rötha vermarkten die Seen im Süden von Leipzig "
            "gemeinsam. Eine Tourismus-GmbH betreibt ein gemeinsames Buchungsportal, pflegt Rundwege um "
            "die Seen und koordiniert Wassersportanbieter. Für Ausflügler gibt es ein gemeinsames "
            "Parkleitsystem an Wochenenden. Die Kommunen finanzieren die Gesellschaft nach Einwohnerzahl "
            "und Übernachtungen. Zusätzlich werden Veranstaltungen wie Seefeste und Lauftreffs gemeinsam "
            "beworben. Übernachtungsbetriebe können sich kostenlos im Portal eintragen."
        ),
        "participants": ["Markkleeberg", "Zwenkau", "Großpösna", "Rötha"],
        "lead": "Markkleeberg",
        "state": "SN",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2012-05-01",
        "lessonsLearned": "Ein Finanzierungsschlüssel mit Übernachtungen belohnt die touristisch stärkeren Partner angemessen.",
        "transferability": "Für Bergbaufolgelandschaften mit mehreren Anrainerkommunen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "website": "https://www.markkleeberg.de/",
        "keywords": ["Tourismus", "Seenland", "Bergbaufolgelandschaft", "Besucherlenkung"],
    },
    {
        "title": "Wärmeplanung Leipzig und Umland",
        "description": (
            "Das Leipziger Fernwärmenetz endet an der Stadtgrenze, die Wärmewende nicht. Die Stadt "
            "Leipzig will ihre Wärmeplanung mit Markkleeberg und Markranstädt abstimmen, um "
            "Netzerweiterungen, Großwärmepumpen und Abwärmequellen gemeinsam zu bewerten. Geplant sind "
            "ein gemeinsamer Datenraum, abgestimmte Szenarien und eine Koordinierungsgruppe mit den "
            "Stadtwerken. Die Umlandstädte erstellen ihre eigenen Wärmepläne, aber auf gemeinsamer "
            "Datengrundlage."
        ),
        "participants": ["Leipzig", "Markkleeberg", "Markranstädt"],
        "lead": "Leipzig",
        "state": "SN",
        "taskAreas": ["14", "11", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "startDate": "2025-11-01",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Wärmeplanung", "Fernwärme", "Stadt-Umland", "Energiewende"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Standesamt Zwönitz und Thalheim",
        "description": (
            "Zwönitz und Thalheim/Erzgeb. bilden einen gemeinsamen Standesamtsbezirk. Die Beurkundungen "
            "erledigt das Standesamt in Zwönitz, Trauungen finden in beiden Städten statt, auch im "
            "Bergwerk und auf dem Schlossgelände. Eine Standesbeamtin aus Thalheim arbeitet seither im "
            "gemeinsamen Team mit. Die Zusammenlegung wurde nötig, weil Thalheim die Ausbildung einer "
            "Nachfolgerin allein nicht hätte leisten können."
        ),
        "participants": ["Zwönitz", "Thalheim/Erzgeb."],
        "lead": "Zwönitz",
        "state": "SN",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2021-01-01",
        "lessonsLearned": "Nachfolgeprobleme sind häufig der Anlass – besser vorher kooperieren.",
        "transferability": "Für Kleinstädte mit anstehenden Ruhestandswellen im Standesamt.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Standesamt", "Standesamtsbezirk", "Nachfolge", "Erzgebirge"],
    },
    {
        "title": "Atemschutzwerkstatt Westlausitz",
        "description": (
            "Atemschutzgeräte der Feuerwehren müssen nach jedem Einsatz gereinigt, geprüft und "
            "dokumentiert werden. Kamenz, Bernsdorf und Königsbrück betreiben dafür eine gemeinsame "
            "Atemschutzwerkstatt in Kamenz. Ein Gerätewart und zwei nebenamtliche Kräfte übernehmen "
            "Wartung und Prüfung, ein Kurierdienst holt Geräte ab. Die Gemeinden sparen eigene "
            "Werkstätten und teure Prüftechnik. Die Kosten werden nach Zahl der gewarteten Geräte "
            "verteilt. Außerdem bietet die Werkstatt Schulungen für Gerätewarte der Ortsfeuerwehren an."
        ),
        "participants": ["Kamenz", "Bernsdorf|Bautzen", "Königsbrück"],
        "lead": "Kamenz",
        "state": "SN",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2015-04-01",
        "lessonsLearned": "Ein fester Kurierdienst ist entscheidend, damit Feuerwehren schnell wieder einsatzbereit sind.",
        "transferability": "Für Feuerwehren mehrerer kleiner Gemeinden sehr gut übertragbar.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Feuerwehr", "Atemschutz", "Gerätewartung", "Brandschutz"],
    },
    {
        "title": "Digitale Schulverwaltung Grimma, Wurzen und Brandis",
        "description": (
            "Die Schulsekretariate von Grimma, Wurzen und Brandis arbeiten mit einer gemeinsamen "
            "Schulverwaltungssoftware; Schülerdaten, Zeugnisse und Statistikmeldungen laufen digital. "
            "Die drei Schulträger haben Einführung, Datenschutzkonzept und Schulungen gemeinsam "
            "organisiert und einen Hotline-Dienst für die Sekretariate eingerichtet. Als nächster "
            "Schritt sollen Elternbriefe und Krankmeldungen digitalisiert werden. Die Kosten für "
            "Lizenzen und Schulungen teilen sich die Städte nach Schülerzahlen. Die Sekretariate "
            "tauschen sich monatlich in einer Videokonferenz aus."
        ),
        "participants": ["Grimma", "Wurzen", "Brandis"],
        "lead": "Grimma",
        "state": "SN",
        "taskAreas": ["03"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-01-01",
        "lessonsLearned": "Schulsekretariate brauchen eine feste Hotline, sonst bleibt die Software ungenutzt.",
        "transferability": "Für Schulträger mit ähnlicher Schullandschaft.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Schulverwaltung", "Schulsekretariat", "Digitalisierung", "Schulträger"],
    },
    # ------------------------------------------------------------------ Brandenburg
    {
        "type": "sharedServiceCenter",
        "title": "Vollstreckungsstelle der Region Teltow, Kleinmachnow und Stahnsdorf",
        "description": (
            "Die Stadt Teltow vollstreckt per öffentlich-rechtlicher Vereinbarung auch die Forderungen "
            "der Gemeinden Kleinmachnow und Stahnsdorf. Das Team aus Innendienst und zwei "
            "Vollziehungsbeamten bearbeitet Rückstände bei Steuern, Gebühren und Elternbeiträgen. Ein "
            "gemeinsames Forderungsmanagement mit Ratenplänen und Schuldnerberatungsangeboten soll "
            "vermeiden, dass Fälle überhaupt in die Vollstreckung gehen. Die Gemeinden zahlen eine "
            "Pauschale pro Fall. Ein monatlicher Bericht zeigt jeder Gemeinde den Stand ihrer "
            "Forderungen."
        ),
        "participants": ["Teltow", "Kleinmachnow", "Stahnsdorf"],
        "lead": "Teltow",
        "state": "BB",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2017-07-01",
        "outcomeFigures": [{"label": "Beigetriebene Rückstände", "value": 1900000, "unit": "EUR/Jahr"}],
        "lessonsLearned": "Vorgelagertes Forderungsmanagement entlastet die Vollstreckung mehr als zusätzliches Personal.",
        "transferability": "Für eng verflochtene Nachbarkommunen am Rand einer Großstadt.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Teltow, Vollstreckung", "email": "vollstreckung@teltow.example"},
        "keywords": ["Vollstreckung", "Forderungsmanagement", "Kassenwesen", "Potsdam-Mittelmark"],
    },
    {
        "title": "Kita-Platzvergabe online in Werder (Havel), Schwielowsee und Michendorf",
        "description": (
            "Eltern melden ihren Betreuungsbedarf in Werder (Havel), Schwielowsee und Michendorf über "
            "ein gemeinsames Kita-Portal an. Sie können mehrere Wunsch-Kitas angeben, auch in der "
            "Nachbargemeinde, wenn das näher am Arbeitsplatz liegt. Die Kommunen sehen Bedarfe "
            "frühzeitig und stimmen die Platzvergabe ab, damit Kinder nicht doppelt vorgemerkt sind. "
            "Kita-Träger pflegen ihre freien Plätze selbst im Portal."
        ),
        "participants": ["Werder", "Schwielowsee", "Michendorf"],
        "lead": "Werder",
        "state": "BB",
        "taskAreas": ["06"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2021-03-01",
        "outcomeFigures": [{"label": "Doppelvormerkungen (Reduktion)", "value": 85, "unit": "Prozent"}],
        "lessonsLearned": "Gemeindeübergreifende Betreuung braucht eine Regel für den Kostenausgleich.",
        "transferability": "Für Gemeinden mit starken Pendlerbeziehungen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Kita", "Kinderbetreuung", "Platzvergabe", "Online-Portal"],
    },
    # ------------------------------------------------------------------ Thüringen
    {
        "title": "Friedhofsverwaltung Stadtilm, Plaue und Geratal",
        "description": (
            "Die Stadt Stadtilm übernimmt per Zweckvereinbarung die Verwaltung der Friedhöfe von Plaue "
            "und Geratal: Vergabe von Grabstätten, Gebührenbescheide, Absprachen mit Bestattern und "
            "Pflege des Friedhofsregisters. Viele kleine Dorffriedhöfe werden so einheitlich verwaltet. "
            "Die Friedhofssatzungen wurden angeglichen; die Pflege der Anlagen bleibt bei den Gemeinden "
            "und ehrenamtlichen Friedhofsvereinen. Für Bestatter gibt es nur noch eine Ansprechstelle. "
            "Die Gemeinden erstatten die Verwaltungskosten nach Zahl der Bestattungen."
        ),
        "participants": ["Stadtilm", "Plaue", "Geratal"],
        "lead": "Stadtilm",
        "state": "TH",
        "taskAreas": ["13"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2019-01-01",
        "lessonsLearned": "Eine einheitliche Satzung ist Voraussetzung für eine gemeinsame Verwaltung.",
        "transferability": "Für Regionen mit vielen kleinen Dorffriedhöfen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Friedhofsverwaltung", "Friedhof", "Bestattung", "Ilm-Kreis"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Mobilitätsdaten Ilmenau und Thüringer Wald",
        "description": (
            "Ilmenau, Großbreitenbach und Martinroda erfassen mit Zählsensoren, wie Rad-, Fuß- und "
            "Autoverkehr sich zwischen Hochschulstadt und Wanderregion verteilt. Die anonymisierten "
            "Daten fließen in eine gemeinsame Plattform und helfen bei Radwegeplanung, Busfahrplänen und "
            "Parkraum an Ausflugszielen. Die Technische Universität begleitet die Auswertung "
            "wissenschaftlich. Die Daten sollen als Open Data veröffentlicht werden. Die Zählstellen "
            "werden solarbetrieben und sind über Mobilfunk angebunden."
        ),
        "participants": ["Ilmenau", "Großbreitenbach", "Martinroda"],
        "lead": "Ilmenau",
        "state": "TH",
        "taskAreas": ["12", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2024-01-01",
        "lessonsLearned": "Die Zusammenarbeit mit der Hochschule sichert Auswertungskompetenz, die kleinen Gemeinden fehlt.",
        "transferability": "Für Hochschulstädte mit touristischem Umland.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Mobilitätsdaten", "Sensorik", "Open Data", "Radverkehr", "Smart City"],
    },
]
