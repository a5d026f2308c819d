"""Illustrative (made-up) catalogue entries, Regierungsbezirk Köln.

Participants are real neighbouring municipalities; projects, figures and mailboxes are invented.
"""

from __future__ import annotations

from seed_projects.build import Org

ENTRIES = [
    {
        "title": "Feuerwehrausbildung im Dreiländereck Roetgen, Simmerath und Raeren",
        "description": (
            "Die Freiwilligen Feuerwehren aus Roetgen und Simmerath bilden ihre Atemschutz- und "
            "Maschinistenlehrgänge gemeinsam mit der Feuerwehr der belgischen Gemeinde Raeren aus. "
            "Genutzt werden abwechselnd die Übungshöfe auf beiden Seiten der Grenze. Weil die Einheiten "
            "bei Waldbränden im Hohen Venn ohnehin gemeinsam ausrücken, üben sie Funkverkehr, "
            "Einsatztaktik und Wasserversorgung über lange Wegstrecken zusammen. Lehrgangsunterlagen "
            "gibt es zweisprachig; die Anerkennung der Lehrgänge ist mit den zuständigen Stellen "
            "abgestimmt."
        ),
        "participants": ["Roetgen", "Simmerath", Org("Gemeinde Raeren", "BE")],
        "lead": "Simmerath",
        "state": "NW",
        "nutsRegion": "BE33",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2018-03-01",
        "fundingProgramme": "Interreg Euregio Maas-Rhein",
        "outcomes": "Gemeinsame Einsätze laufen reibungsloser, Lehrgangsplätze sind besser ausgelastet.",
        "lessonsLearned": "Unterschiedliche Funktechnik war die größte Hürde; Adapterlösungen früh testen.",
        "transferability": "Für Feuerwehren in allen Grenzregionen interessant.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Feuerwehr", "Ausbildung", "Brandschutz", "Belgien", "Euregio Maas-Rhein"],
    },
    {
        "title": "Grenzradweg Selfkant – Sittard-Geleen",
        "description": (
            "Gangelt, Selfkant und Waldfeucht haben mit der niederländischen Gemeente Sittard-Geleen ein "
            "durchgehendes Radwegenetz entlang der Grenze geschaffen. Lücken zwischen den "
            "Knotenpunktsystemen beider Länder wurden geschlossen, Wegweiser vereinheitlicht und an drei "
            "Grenzübergängen Rastplätze mit Infotafeln gebaut. Das Projekt ist abgeschlossen; "
            "Unterhaltung und Beschilderung liegen seitdem wieder bei den einzelnen Kommunen, die sich "
            "einmal im Jahr zur Wegeschau treffen."
        ),
        "participants": ["Selfkant", "Gangelt", "Waldfeucht", Org("Gemeente Sittard-Geleen", "NL")],
        "lead": "Selfkant",
        "state": "NW",
        "nutsRegion": "NL42",
        "taskAreas": ["12", "15"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2016-05-01",
        "endDate": "2019-10-31",
        "fundingProgramme": "Interreg V-A Deutschland-Nederland",
        "outcomeFigures": [{"label": "Neu gebaute oder sanierte Radwegkilometer", "value": 23, "unit": "km"}],
        "lessonsLearned": "Die jährliche gemeinsame Wegeschau nach Projektende hält die Kooperation lebendig.",
        "transferability": "Das Vorgehen lässt sich auf andere Grenzabschnitte übertragen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Radverkehr", "Radtourismus", "grenzüberschreitend", "Niederlande", "Interreg"],
    },
    {
        "title": "Erziehungsberatung Rureifel für Nideggen, Heimbach und Kreuzau",
        "description": (
            "Familien aus Nideggen, Heimbach und Kreuzau mussten für eine Erziehungsberatung bisher bis "
            "nach Düren fahren. Die drei Kommunen haben gemeinsam mit dem Kreis Düren eine Außenstelle "
            "in Kreuzau eingerichtet und bieten zusätzlich Sprechstunden in den Familienzentren von "
            "Nideggen und Heimbach an. Träger ist die Erziehungsberatungsstelle des Kreises; die "
            "Gemeinden stellen Räume und beteiligen sich an den Personalkosten. Termine sind auch per "
            "Video möglich, was gerade Alleinerziehende ohne Auto nutzen."
        ),
        "participants": ["Kreuzau", "Nideggen", "Heimbach", Org("Kreis Düren")],
        "lead": Org("Kreis Düren"),
        "state": "NW",
        "taskAreas": ["06"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2021-02-01",
        "lessonsLearned": "Wohnortnahe Sprechstunden senken die Schwelle deutlich stärker als zusätzliche Onlinetermine.",
        "transferability": "Für ländliche Kommunen am Rand großer Kreise geeignet.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Erziehungsberatung", "Familienhilfe", "Jugendhilfe", "ländlicher Raum"],
    },
    {
        "title": "Flächenentwicklung am Tagebaurand Inden, Aldenhoven, Jülich und Niederzier",
        "description": (
            "Der Braunkohletagebau geht zu Ende, rund um die künftige Seelandschaft entstehen Flächen "
            "für Gewerbe, Wohnen und Freizeit. Die vier Anrainerkommunen haben eine gemeinsame "
            "Entwicklungsgesellschaft in Form einer GmbH gegründet, die Flächen ankauft, Rahmenpläne "
            "abstimmt und Fördermittel aus dem Strukturwandel beantragt. Die Bauleitplanung bleibt bei "
            "den Räten; die Gesellschaft sorgt dafür, dass Nutzungen nicht gegeneinander konkurrieren. "
            "Erste Projekte sind ein Gewerbestandort für Wasserstofftechnik und ein Uferweg."
        ),
        "participants": ["Inden", "Aldenhoven", "Jülich", "Niederzier"],
        "lead": "Jülich",
        "state": "NW",
        "taskAreas": ["15", "09"],
        "legalForm": "privatrechtlich",
        "status": "in-umsetzung",
        "startDate": "2020-07-01",
        "fundingProgramme": "Strukturstärkungsgesetz Kohleregionen (Rheinisches Revier)",
        "lessonsLearned": "Eine gemeinsame Gesellschaft ist verhandlungsstärker gegenüber Bergbautreibendem und Land.",
        "transferability": "Für Anrainer großer Konversionsflächen übertragbar.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Strukturwandel", "Flächenentwicklung", "Rheinisches Revier", "Wirtschaftsförderung", "GmbH"],
    },
    {
        "title": "Winterdienst und Straßenunterhaltung Nettersheim, Kall und Dahlem",
        "description": (
            "In der Hocheifel fällt viel Schnee, die Gemeindestraßen sind lang und die Bauhöfe klein. "
            "Nettersheim, Kall und Dahlem haben ihre Streu- und Räumtouren deshalb neu zugeschnitten – "
            "nach Straßenverlauf statt nach Gemeindegrenze. Der Bauhof Kall koordiniert die Einsätze, "
            "alle drei stellen Fahrzeuge und Personal. Im Sommer wird dieselbe Tourenplanung für "
            "Bankettmahd und Schlaglochflicken genutzt. Salz wird gemeinsam eingekauft und in einer "
            "Halle in Kall gelagert."
        ),
        "participants": ["Kall", "Nettersheim", "Dahlem"],
        "lead": "Kall",
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2015-11-01",
        "outcomeFigures": [
            {"label": "Eingesetzte Räumfahrzeuge (vorher 5)", "value": 3, "unit": "Fahrzeuge"},
            {"label": "Einsparung Streusalzeinkauf", "value": 17000, "unit": "EUR/Jahr"},
        ],
        "lessonsLearned": "Touren nach Straßenverlauf statt nach Gemeindegrenzen sparen Leerfahrten.",
        "transferability": "Für Mittelgebirgsgemeinden mit ähnlichen Straßenlängen sehr gut übertragbar.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Winterdienst", "Bauhof", "Straßenunterhaltung", "Streusalz", "Eifel"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Pegelsensoren und Hochwasserwarnung an der oberen Erft",
        "description": (
            "Nach dem Hochwasser 2021 haben Bad Münstereifel, Euskirchen und Weilerswist zusätzliche "
            "Pegel- und Niederschlagssensoren an Erft und Nebenbächen installiert. Die Messwerte laufen "
            "in einem gemeinsamen Dashboard zusammen, das Feuerwehr, Ordnungsamt und Bauhof nutzen. "
            "Überschreiten Pegel festgelegte Schwellen, werden Warnungen über die Warn-App und Sirenen "
            "ausgelöst. Die Sensoren funken über ein LoRaWAN-Netz, das die Kommunen gemeinsam betreiben."
        ),
        "participants": ["Bad Münstereifel", "Euskirchen", "Weilerswist"],
        "lead": "Euskirchen",
        "state": "NW",
        "taskAreas": ["02", "14"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-04-01",
        "fundingProgramme": "Förderprogramm Klimaanpassung NRW",
        "outcomeFigures": [{"label": "Installierte Messstellen", "value": 34, "unit": "Sensoren"}],
        "lessonsLearned": "Schwellenwerte gemeinsam mit der Feuerwehr festlegen, nicht nur mit dem Tiefbau.",
        "transferability": "Für Kommunen an kleinen, schnell reagierenden Gewässern.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Hochwasserschutz", "Sensorik", "Frühwarnsystem", "LoRaWAN", "Katastrophenschutz"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Beihilfebearbeitung für vier Gemeinden im Oberbergischen",
        "description": (
            "Die Stadt Wiehl bearbeitet seit 2012 auch die Beihilfeanträge der Beamtinnen, Beamten und "
            "Versorgungsempfänger aus Nümbrecht, Reichshof und Morsbach. Anträge kommen per App oder "
            "Post, werden gescannt und im Beihilfeverfahren bearbeitet. Die Gemeinden erstatten die "
            "Kosten nach Fallzahl. Weil die Beihilfestelle jetzt zwei Fachkräfte hat, ist die "
            "Bearbeitung auch in Urlaubszeiten gesichert und die Laufzeiten sind kürzer."
        ),
        "participants": ["Wiehl", "Nümbrecht", "Reichshof", "Morsbach"],
        "lead": "Wiehl",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2012-01-01",
        "lessonsLearned": "Datenschutzrechtlich sensible Gesundheitsdaten verlangen klare Zugriffsrechte pro Gemeinde.",
        "transferability": "Für Kommunen mit wenigen Beamten sehr sinnvoll.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Beihilfe", "Personalwesen", "Beamte", "Oberbergischer Kreis"],
    },
    {
        "title": "Bauhof-Netzwerk Radevormwald, Hückeswagen und Wipperfürth",
        "description": (
            "Die Bauhofleiter der drei Städte im Norden des Oberbergischen Kreises treffen sich "
            "monatlich und tauschen Geräte, Personal und Erfahrungen aus. Bei Sturmschäden oder großen "
            "Veranstaltungen helfen die Kolonnen einander aus, Spezialgeräte wie Baumpflegebühne oder "
            "Wildkrautbürste werden nur einmal vorgehalten. Abgerechnet wird über einfache Stundensätze. "
            "Fortbildungen für Baumkontrolleure und Motorsägenführer organisieren die Bauhöfe reihum."
        ),
        "participants": ["Radevormwald", "Hückeswagen", "Wipperfürth"],
        "lead": "Wipperfürth",
        "state": "NW",
        "taskAreas": ["12", "13"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2017-04-01",
        "lessonsLearned": "Kleine Schritte wie gemeinsame Fortbildungen schaffen das Vertrauen für größere Kooperationen.",
        "transferability": "Niedrigschwellig und sofort übertragbar.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Bauhof", "Gerätetausch", "Baumkontrolle", "Fortbildung"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Informationssicherheitsbeauftragte für Bergheim, Bedburg und Elsdorf",
        "description": (
            "Cyberangriffe auf Kommunalverwaltungen haben auch im Rhein-Erft-Kreis für Unruhe gesorgt. "
            "Bergheim, Bedburg und Elsdorf haben deshalb zwei gemeinsame "
            "Informationssicherheitsbeauftragte eingestellt, die ein "
            "Informationssicherheits-Managementsystem nach BSI-IT-Grundschutz für alle drei Verwaltungen "
            "aufbauen. Sie erstellen Notfallpläne, organisieren Phishing-Schulungen und prüfen die "
            "Anbindung an den kommunalen IT-Dienstleister. Die Stellen sind in Bergheim angesiedelt. "
            "Außerdem begleiten sie die Umsetzung der Vorgaben aus der Cybersicherheitsstrategie des "
            "Landes."
        ),
        "participants": ["Bergheim", "Bedburg", "Elsdorf"],
        "lead": "Bergheim",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2023-04-01",
        "outcomes": "Notfallhandbücher liegen vor, die erste gemeinsame Krisenübung hat stattgefunden.",
        "lessonsLearned": "Sicherheitsvorfälle einer Kommune betreffen schnell alle – die gemeinsame Stelle beschleunigt die Reaktion.",
        "transferability": "Übertragbar auf Kommunen, die denselben IT-Dienstleister nutzen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Informationssicherheit", "ISMS", "IT-Grundschutz", "Cybersicherheit", "Notfallmanagement"],
    },
    {
        "title": "Kommunale Wärmeplanung im südlichen Rhein-Erft-Kreis",
        "description": (
            "Brühl, Hürth, Wesseling und Erftstadt gehen die kommunale Wärmeplanung als Planungsverbund "
            "an. Industrielle Abwärme aus den Chemieparks und ein bestehendes Fernwärmenetz machen eine "
            "gemeinsame Betrachtung sinnvoll, weil Potenziale nicht an Stadtgrenzen enden. Die vier "
            "Städte haben einen Dienstleister gemeinsam beauftragt und eine Lenkungsgruppe mit "
            "Stadtwerken und Netzbetreiber gebildet. Beschlossen wird am Ende in jedem Rat einzeln, die "
            "Maßnahmenliste ist aber abgestimmt."
        ),
        "participants": ["Hürth", "Brühl", "Wesseling", "Erftstadt"],
        "lead": "Hürth",
        "state": "NW",
        "taskAreas": ["14", "11"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2024-01-15",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
        "lessonsLearned": "Industrielle Abwärme braucht frühzeitig verbindliche Gespräche mit den Unternehmen.",
        "transferability": "Für Städte mit gemeinsamen Wärmequellen oder Netzen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Wärmeplanung", "Abwärme", "Fernwärme", "Energiewende", "Rhein-Erft-Kreis"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Entgelt- und Besoldungsabrechnung für Eitorf, Windeck, Ruppichteroth und Much",
        "description": (
            "Die Personalabrechnung der vier Gemeinden im östlichen Rhein-Sieg-Kreis erledigt seit 2021 "
            "ein gemeinsames Team bei der Stadt Hennef. Die Gemeinden melden Neueinstellungen, "
            "Stufenaufstiege und Fehlzeiten digital über ein Self-Service-Portal. Die Beschäftigten "
            "erhalten ihre Entgeltnachweise elektronisch. Für Zusatzversorgung, Zeitwertkonten und "
            "Altersteilzeit gibt es feste Ansprechpersonen. Ziel war vor allem, die Abhängigkeit von "
            "einzelnen Personen zu beenden."
        ),
        "participants": ["Hennef", "Eitorf", "Windeck", "Ruppichteroth", "Much"],
        "lead": "Hennef",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2021-01-01",
        "outcomeFigures": [{"label": "Abrechnungsfälle", "value": 960, "unit": "Fälle/Monat"}],
        "lessonsLearned": "Die Umstellung zum Jahreswechsel war richtig, hat aber das Team stark belastet – Puffer einplanen.",
        "transferability": "Gut übertragbar für Gemeinden unter 20.000 Einwohnern.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Lohnabrechnung", "Entgeltabrechnung", "Besoldung", "Personalabrechnung", "Rhein-Sieg-Kreis"],
    },
    {
        "title": "Gemeinsamer Grünpflegebetrieb Swisttal, Rheinbach und Meckenheim",
        "description": (
            "Swisttal, Rheinbach und Meckenheim hatten 2016 begonnen, die Pflege von Grünanlagen, "
            "Spielplätzen und Straßenbegleitgrün in einem gemeinsamen Betrieb zu organisieren. Die "
            "Kolonnen wurden gemischt, Maschinen zentral disponiert. Nach drei Jahren wurde die "
            "Zusammenarbeit eingestellt: Unterschiedliche Pflegestandards, getrennte Haushalte und die "
            "Frage, wer bei Engpässen Vorrang hat, führten immer wieder zu Konflikten. Erhalten "
            "geblieben ist der gemeinsame Einkauf von Pflanzgut."
        ),
        "participants": ["Rheinbach", "Swisttal", "Meckenheim"],
        "lead": "Rheinbach",
        "state": "NW",
        "taskAreas": ["13"],
        "legalForm": "oerv-mandatierend",
        "status": "eingestellt",
        "startDate": "2016-03-01",
        "endDate": "2019-02-28",
        "lessonsLearned": "Vor dem Start gemeinsame Pflegestandards und eine Prioritätenregel für Engpässe vereinbaren.",
        "transferability": "Eher als Warnbeispiel: ohne klare Steuerung scheitert ein gemeinsamer Betrieb.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Grünflächenpflege", "Bauhof", "Spielplätze", "gescheiterte Kooperation"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Schul-IT-Support für Burscheid, Leichlingen und Odenthal",
        "description": (
            "Tablets, Whiteboards, WLAN in jedem Klassenraum – seit dem Digitalpakt betreuen die "
            "Schulträger deutlich mehr Technik. Burscheid, Leichlingen und Odenthal haben dafür ein "
            "gemeinsames Schul-IT-Team mit vier Technikern aufgebaut, das bei der Stadt Leichlingen "
            "angestellt ist. Es betreut Grund- und weiterführende Schulen aller drei Kommunen, verwaltet "
            "die Geräte zentral und organisiert ein Ticketsystem für Lehrkräfte. Medienentwicklungspläne "
            "werden abgestimmt, Geräte gemeinsam beschafft."
        ),
        "participants": ["Leichlingen", "Burscheid", "Odenthal"],
        "lead": "Leichlingen",
        "state": "NW",
        "taskAreas": ["03"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2020-08-01",
        "fundingProgramme": "DigitalPakt Schule",
        "outcomeFigures": [
            {"label": "Betreute Endgeräte", "value": 4200, "unit": "Geräte"},
            {"label": "Reaktionszeit auf Störungsmeldungen", "value": 1, "unit": "Tage"},
        ],
        "lessonsLearned": "Ein einheitliches Gerätemodell je Schulform halbiert den Supportaufwand.",
        "transferability": "Für alle kleineren Schulträger, die keinen eigenen IT-Support haben.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Leichlingen, Schulverwaltung", "email": "schul-it@leichlingen.example"},
        "keywords": ["Schul-IT", "Schulverwaltung", "DigitalPakt", "Medienentwicklungsplan", "Support"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Mobilstationen rechtsrheinisch: Köln, Leverkusen und Bergisch Gladbach",
        "description": (
            "An Stadtbahn- und S-Bahn-Haltestellen entstehen Mobilstationen mit Leihrädern, Carsharing, "
            "Lastenrädern und sicheren Fahrradabstellanlagen. Köln, Leverkusen und Bergisch Gladbach "
            "verwenden dafür dasselbe Gestaltungshandbuch und dieselbe Ausleih-App, damit Pendler an "
            "jeder Station gleich vorgehen können. Ein gemeinsames Monitoring zählt Ausleihen und "
            "Auslastung. Die Stationen werden jeweils von der Stadt gebaut, der Betrieb der "
            "Sharing-Angebote ist gemeinsam ausgeschrieben."
        ),
        "participants": ["Köln", "Leverkusen", "Bergisch Gladbach"],
        "lead": "Köln",
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-09-01",
        "fundingProgramme": "Förderrichtlinie Vernetzte Mobilität und Mobilitätsmanagement NRW",
        "lessonsLearned": "Ein gemeinsames Erscheinungsbild ist für Nutzer wichtiger als die Zahl der Stationen.",
        "transferability": "Für Stadt-Umland-Räume mit starken Pendlerbeziehungen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "website": "https://www.koeln.de/",
        "keywords": ["Mobilstation", "Sharing", "ÖPNV", "Pendler", "Smart City"],
    },
    {
        "title": "Ökokonto und Ausgleichsflächenbörse Bonn, Bornheim, Alfter und Wachtberg",
        "description": (
            "Für Eingriffe in Natur und Landschaft braucht jede Kommune Ausgleichsflächen – und die sind "
            "in Bonn knapp. Die Stadt Bonn und die Nachbarn Bornheim, Alfter und Wachtberg führen ein "
            "gemeinsames Ökokonto. Geeignete Flächen im Umland werden aufgewertet, etwa Äcker in "
            "Streuobstwiesen umgewandelt, und die Ökopunkte anschließend Bebauungsplänen zugeordnet. Ein "
            "gemeinsames Kataster zeigt Zustand und Pflege der Flächen. Die Umlandgemeinden erhalten für "
            "verkaufte Punkte einen Erlös."
        ),
        "participants": ["Bonn", "Bornheim", "Alfter", "Wachtberg"],
        "lead": "Bonn",
        "state": "NW",
        "taskAreas": ["13", "09"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2016-06-01",
        "outcomeFigures": [{"label": "Aufgewertete Ausgleichsflächen", "value": 46, "unit": "ha"}],
        "lessonsLearned": "Die dauerhafte Pflege der Flächen muss finanziell abgesichert sein, nicht nur die Herstellung.",
        "transferability": "Für Großstädte mit Flächenknappheit und ländlichem Umland.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "in-pruefung",
        "keywords": ["Ausgleichsflächen", "Ökokonto", "Naturschutz", "Eingriffsregelung", "GIS"],
    },
    {
        "title": "Tourismusmarketing Siebengebirge",
        "description": (
            "Königswinter, Bad Honnef und die Bundesstadt Bonn bewerben das Siebengebirge als "
            "gemeinsames Ausflugsziel. Eine gemeinsame Tourismusgesellschaft pflegt die "
            "Wanderwege-Website, koordiniert Veranstaltungskalender und betreibt ein "
            "Besucherlenkungskonzept für überlaufene Wochenenden am Drachenfels. Für Gruppenangebote wie "
            "Weinwanderungen arbeitet die Gesellschaft mit Gastronomie und Winzern zusammen. Die Städte "
            "tragen die Gesellschaft über Gesellschafterbeiträge. Die Tourist-Informationen in "
            "Königswinter und Bad Honnef bleiben als Anlaufstellen vor Ort erhalten."
        ),
        "participants": ["Königswinter", "Bad Honnef", "Bonn"],
        "lead": "Königswinter",
        "state": "NW",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2011-01-01",
        "lessonsLearned": "Besucherlenkung wird wichtiger als Werbung – Parkplatzinformationen in Echtzeit helfen.",
        "transferability": "Für Naherholungsgebiete mehrerer Gemeinden.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "website": "https://www.koenigswinter.de/",
        "keywords": ["Tourismus", "Besucherlenkung", "Wandern", "Siebengebirge", "GmbH"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Online-Gewerbeamt Leverkusen, Burscheid und Leichlingen",
        "description": (
            "Gewerbeanmeldungen, -ummeldungen und -abmeldungen können in Leverkusen, Burscheid und "
            "Leichlingen vollständig online erledigt werden. Die Anträge landen in einem gemeinsamen "
            "Postfach beim Gewerbeamt Leverkusen, das die formale Prüfung und die Weiterleitung an "
            "Finanzamt, IHK und Handwerkskammer übernimmt. Erlaubnispflichtige Gewerbe wie Gaststätten "
            "oder Bewachung prüfen weiterhin die Ordnungsämter der jeweiligen Stadt. Antragstellende "
            "erhalten Eingangsbestätigung und Bearbeitungsstand per E-Mail."
        ),
        "participants": ["Leverkusen", "Burscheid", "Leichlingen"],
        "lead": "Leverkusen",
        "state": "NW",
        "taskAreas": ["02", "15"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2024-02-01",
        "lessonsLearned": "Die Trennung zwischen einfacher Anzeige und Erlaubnisverfahren muss für Antragsteller klar erkennbar sein.",
        "transferability": "Passt zu jeder Kommune mit dem landesweiten OZG-Gewerbedienst.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Gewerbeamt", "Gewerbeanmeldung", "OZG", "Online-Dienst"],
    },
    {
        "title": "Einkaufsgemeinschaft Energie der Städteregion-Kommunen",
        "description": (
            "Strom und Gas für Rathäuser, Schulen, Sporthallen und Straßenbeleuchtung kaufen Würselen, "
            "Alsdorf, Baesweiler, Eschweiler und Herzogenrath gemeinsam ein. Federführend ist die Stadt "
            "Würselen, die mit Unterstützung eines Energieberaters europaweit ausschreibt und in "
            "Tranchen beschafft, um Preisrisiken zu streuen. Jede Stadt schließt ihren eigenen "
            "Liefervertrag aus dem Gesamtergebnis. Seit 2023 wird ausschließlich Ökostrom mit "
            "Herkunftsnachweis beschafft."
        ),
        "participants": ["Würselen", "Alsdorf", "Baesweiler", "Eschweiler", "Herzogenrath"],
        "lead": "Würselen",
        "state": "NW",
        "taskAreas": ["01", "14"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2015-01-01",
        "outcomeFigures": [{"label": "Gemeinsam beschaffte Strommenge", "value": 38, "unit": "GWh/Jahr"}],
        "lessonsLearned": "Tranchenbeschaffung verlangt schnelle Entscheidungen; Vollmachten vorab regeln.",
        "transferability": "Sofort übertragbar, Voraussetzung sind synchronisierte Vertragslaufzeiten.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Energiebeschaffung", "gemeinsame Beschaffung", "Ökostrom", "Ausschreibung"],
    },
    {
        "type": "smartCityInitiative",
        "title": "LoRaWAN-Netz für die Kommunen im Kreis Heinsberg",
        "description": (
            "Heinsberg, Hückelhoven, Wassenberg, Wegberg und Erkelenz bauen über ihre Stadtwerke ein "
            "gemeinsames Funknetz für Sensoren auf. Erste Anwendungen sind Füllstandsmelder für "
            "Glascontainer, Bodenfeuchtesensoren für Stadtbäume und Zähler für Radverkehr. Die "
            "Netzinfrastruktur gehört einer Tochtergesellschaft der Stadtwerke; die Kommunen nutzen sie "
            "über Dienstleistungsverträge. Ein gemeinsamer Use-Case-Katalog verhindert, dass jede Stadt "
            "dieselbe Anwendung neu erfindet."
        ),
        "participants": ["Heinsberg", "Hückelhoven", "Wassenberg", "Wegberg", "Erkelenz"],
        "lead": "Heinsberg",
        "state": "NW",
        "taskAreas": ["01", "11", "13"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2021-06-01",
        "outcomeFigures": [{"label": "Angebundene Sensoren", "value": 620, "unit": "Sensoren"}],
        "lessonsLearned": "Gateways auf kommunalen Dächern sparen Mietkosten; Standortfreigaben früh klären.",
        "transferability": "Für Kreise mit gemeinsamen Stadtwerken gut geeignet.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["LoRaWAN", "Sensorik", "Internet der Dinge", "Stadtwerke", "Smart City"],
    },
    {
        "title": "Verwaltung örtlicher Stiftungen durch die Stadt Jülich",
        "description": (
            "Die Stadt Jülich verwaltet neben eigenen Stiftungen auch die kleinen kommunalen "
            "Treuhandstiftungen aus Linnich und Titz. Dazu gehören eine Stiftung für Schulausflüge und "
            "ein Vermächtnis zur Unterstützung älterer Menschen. Jülich führt die Bücher, legt das "
            "Vermögen an und bereitet die jährlichen Vergabevorschläge vor; die Stiftungsräte in Linnich "
            "und Titz entscheiden. Die Vereinbarung entstand, als in Titz die zuständige Kraft in "
            "Ruhestand ging."
        ),
        "participants": ["Jülich", "Linnich", "Titz"],
        "lead": "Jülich",
        "state": "NW",
        "taskAreas": ["17"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2019-01-01",
        "lessonsLearned": "Ein Personalwechsel ist oft der beste Anlass, Querschnittsaufgaben zu bündeln.",
        "transferability": "Für Kommunen mit wenigen kleinen Treuhandstiftungen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Stiftungen", "Stiftungsverwaltung", "Treuhandstiftung", "Kämmerei"],
    },
    {
        "title": "Gesundheitskiosk und Hebammenzentrale Schleiden, Hellenthal und Kall",
        "description": (
            "In der Nordeifel fehlen Hausärzte und Hebammen. Schleiden, Hellenthal und Kall richten "
            "deshalb gemeinsam einen Gesundheitskiosk in Schleiden ein, in dem Pflegefachkräfte beraten, "
            "Termine vermitteln und bei Anträgen helfen. Angeschlossen ist eine Hebammenzentrale, die "
            "werdende Eltern mit freien Hebammen zusammenbringt. Das Gesundheitsamt des Kreises "
            "unterstützt fachlich. Der Start ist für das kommende Jahr geplant, die Finanzierung mit "
            "Krankenkassen wird noch verhandelt."
        ),
        "participants": ["Schleiden", "Hellenthal", "Kall"],
        "lead": "Schleiden",
        "state": "NW",
        "taskAreas": ["07", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "startDate": "2026-04-01",
        "lessonsLearned": "Die Verhandlungen mit Krankenkassen dauern länger als die kommunale Abstimmung.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Gesundheitsversorgung", "Gesundheitskiosk", "Hebammen", "ländlicher Raum", "Eifel"],
    },
    {
        "title": "Sportstättenbelegung online in Pulheim, Frechen und Kerpen",
        "description": (
            "Vereine buchen Hallenzeiten, Sportplätze und Schwimmbahnen in Pulheim, Frechen und Kerpen "
            "über ein gemeinsames Belegungsportal. Die Sportämter pflegen ihre Anlagen selbst, nutzen "
            "aber dieselben Regeln für Dauerbelegung, Einzeltermine und Stornierungen. Freie Kapazitäten "
            "werden stadtübergreifend angezeigt – ein Verein aus Frechen kann so kurzfristig eine Halle "
            "in Pulheim nutzen. Die Abrechnung der Nutzungsentgelte läuft aus dem Portal in die "
            "jeweilige Finanzsoftware."
        ),
        "participants": ["Pulheim", "Frechen", "Kerpen"],
        "lead": "Frechen",
        "state": "NW",
        "taskAreas": ["08"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2022-01-01",
        "lessonsLearned": "Gemeinsame Stornoregeln waren in den Sportausschüssen umstrittener als die Software.",
        "transferability": "Für Nachbarstädte mit knappen Hallenkapazitäten.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Sportstätten", "Hallenbelegung", "Sportverwaltung", "Vereine", "Online-Buchung"],
    },
    {
        "title": "Örtliche Rechnungsprüfung der Eifelkommunen durch die Städteregion Aachen",
        "description": (
            "Monschau, Roetgen und Simmerath haben die örtliche Rechnungsprüfung auf das "
            "Rechnungsprüfungsamt der Städteregion Aachen übertragen. Die Städteregion prüft "
            "Jahresabschlüsse, Vergaben ab festgelegten Wertgrenzen und die Kassen. Die "
            "Rechnungsprüfungsausschüsse der Kommunen bleiben bestehen und erhalten die Prüfberichte "
            "direkt. Für die kleinen Kommunen war eine eigene, fachlich unabhängige Prüferstelle kaum "
            "noch zu besetzen. Die Kosten werden nach Prüfstunden abgerechnet."
        ),
        "participants": [Org("Städteregion Aachen"), "Monschau", "Roetgen", "Simmerath"],
        "lead": Org("Städteregion Aachen"),
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2014-01-01",
        "outcomes": "Jahresabschlüsse werden wieder fristgerecht geprüft; Prüfungsrückstände sind abgebaut.",
        "lessonsLearned": "Prüfungsplanung jährlich mit allen Ausschussvorsitzenden abstimmen.",
        "transferability": "Für kleine Gemeinden überall dort, wo der Kreis ein leistungsfähiges Prüfungsamt hat.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Rechnungsprüfung", "Jahresabschluss", "Prüfungsamt", "Eifel"],
    },
    {
        "title": "Wohnraumförderung und Wohnberatung Gummersbach, Bergneustadt und Marienheide",
        "description": (
            "Bezahlbarer Wohnraum ist auch im Oberbergischen knapp. Gummersbach, Bergneustadt und "
            "Marienheide wollen eine gemeinsame Wohnraumförder- und Beratungsstelle schaffen. Sie soll "
            "Investoren zu Landesfördermitteln beraten, Wohnberechtigungsscheine ausstellen und "
            "Eigentümer bei altersgerechtem Umbau unterstützen. Eine gemeinsame Wohnungsmarktbeobachtung "
            "soll zeigen, wo welcher Bedarf besteht. Die Räte haben einen Grundsatzbeschluss gefasst, "
            "die Vereinbarung wird derzeit ausgearbeitet."
        ),
        "participants": ["Gummersbach", "Bergneustadt", "Marienheide"],
        "lead": "Gummersbach",
        "state": "NW",
        "taskAreas": ["10"],
        "legalForm": "oerv-delegierend",
        "status": "geplant",
        "startDate": "2025-10-01",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Wohnraumförderung", "Wohnberechtigungsschein", "Wohnberatung", "Wohnungsmarkt"],
    },
]
