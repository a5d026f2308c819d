"""Illustrative (made-up) catalogue entries, Regierungsbezirk Arnsberg.

Participants are real neighbouring municipalities; projects, figures and mailboxes are invented.
"""

from __future__ import annotations

from seed_projects.build import Org

ENTRIES = [
    {
        "type": "sharedServiceCenter",
        "title": "Standesamtsbezirk Oberes Sauerland",
        "description": (
            "Winterberg, Hallenberg und Medebach haben ihre Standesämter zu einem Standesamtsbezirk mit "
            "Sitz in Winterberg zusammengeführt. Gerade in Tourismusorten sind Hochzeiten von "
            "auswärtigen Paaren häufig, und damit auch aufwendige Prüfungen von Auslandsdokumenten. Ein "
            "Team aus vier Standesbeamtinnen und -beamten bündelt dieses Spezialwissen. Trauungen finden "
            "weiterhin in den Rathäusern und an besonderen Orten wie einer Skihütte statt; die Anmeldung "
            "zur Eheschließung ist auch per Videotermin möglich."
        ),
        "participants": ["Winterberg", "Hallenberg", "Medebach"],
        "lead": "Winterberg",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "lessonsLearned": "Videotermine für die Anmeldung zur Eheschließung entlasten gerade bei auswärtigen Paaren.",
        "transferability": "Für touristische Orte mit vielen auswärtigen Trauungen besonders geeignet.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "website": "https://www.winterberg.de/",
        "keywords": ["Standesamt", "Eheschließung", "Auslandsbeurkundung", "Hochsauerlandkreis"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gebäudemanagement und Energiecontrolling Meschede, Bestwig und Eslohe",
        "description": (
            "Rathäuser, Schulen, Turnhallen und Feuerwehrgerätehäuser: Meschede, Bestwig und Eslohe "
            "bewirtschaften ihre Liegenschaften mit einem gemeinsamen Team aus Energiemanager, "
            "Haustechniker und Objektbetreuung. Zählerstände werden automatisch ausgelesen, Ausreißer im "
            "Verbrauch fallen innerhalb weniger Tage auf. Ein Sanierungsfahrplan priorisiert Maßnahmen "
            "nach Einsparpotenzial über alle Gebäude der drei Kommunen hinweg. Hausmeister werden "
            "gemeinsam geschult, Wartungsverträge gebündelt ausgeschrieben."
        ),
        "participants": ["Meschede", "Bestwig", "Eslohe"],
        "lead": "Meschede",
        "state": "NW",
        "taskAreas": ["01", "14"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2023-07-01",
        "fundingProgramme": "Kommunalrichtlinie (Nationale Klimaschutzinitiative), Energiemanagement",
        "outcomeFigures": [{"label": "Wärmeverbrauch der kommunalen Gebäude (Reduktion im ersten Jahr)", "value": 12, "unit": "Prozent"}],
        "lessonsLearned": "Automatische Zählerauslesung lohnt sich schon bei kleinen Liegenschaften.",
        "transferability": "Für Kommunen, die allein kein Energiemanagement aufbauen können.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Gebäudemanagement", "Energiemanagement", "Energiecontrolling", "Liegenschaften", "Sanierung"],
    },
    {
        "title": "Wasserversorgung Lennetal AöR",
        "description": (
            "Werdohl, Neuenrade und Plettenberg haben ihre Wasserversorgung in ein gemeinsames "
            "Kommunalunternehmen eingebracht. Die Anstalt betreibt Quellen, Hochbehälter und rund 400 "
            "Kilometer Leitungsnetz, verantwortet die Trinkwasserüberwachung und rechnet direkt mit den "
            "Kunden ab. Ein gemeinsamer Bereitschaftsdienst ist rund um die Uhr erreichbar. "
            "Investitionen in die Netzerneuerung werden über einen langfristigen Plan gesteuert, der "
            "alle drei Netze betrachtet."
        ),
        "participants": ["Plettenberg", "Werdohl", "Neuenrade"],
        "lead": "Plettenberg",
        "state": "NW",
        "taskAreas": ["11"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2011-01-01",
        "outcomeFigures": [{"label": "Wasserverluste im Netz", "value": 7.5, "unit": "Prozent"}],
        "lessonsLearned": "Die Angleichung der Wasserpreise brauchte eine Übergangszeit von fünf Jahren.",
        "transferability": "Für Kommunen mit kleinen Wasserwerken und gemeinsamem Einzugsgebiet.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Wasserversorgung", "Trinkwasser", "Kommunalunternehmen", "Anstalt öffentlichen Rechts", "Märkischer Kreis"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Parkraumsensorik Lüdenscheid, Halver und Schalksmühle",
        "description": (
            "Bodensensoren auf Parkplätzen in den Innenstädten melden, ob ein Stellplatz frei ist. "
            "Lüdenscheid, Halver und Schalksmühle zeigen die Belegung in einer gemeinsamen App und auf "
            "dynamischen Anzeigetafeln an den Ortseingängen. Die Daten helfen auch bei der "
            "Verkehrsplanung: Die Städte sehen, wann Parkhäuser überlastet sind und wo "
            "Kurzzeitparkplätze dauerhaft blockiert werden. Betrieb und Datenplattform laufen über einen "
            "gemeinsamen Dienstleistungsvertrag."
        ),
        "participants": ["Lüdenscheid", "Halver", "Schalksmühle"],
        "lead": "Lüdenscheid",
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-03-01",
        "lessonsLearned": "Sensoren im Winterdienstbereich brauchen robuste Gehäuse – Schneepflüge sind unerbittlich.",
        "transferability": "Für Mittelstädte mit Parkdruck in kleinen Innenstädten.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Parkraum", "Sensorik", "Verkehrsplanung", "Smart City", "Innenstadt"],
    },
    {
        "title": "Digitale Ratsarbeit in Attendorn, Finnentrop und Lennestadt",
        "description": (
            "Ratsmitglieder erhalten Einladungen, Vorlagen und Protokolle in den drei Kommunen über "
            "dasselbe Ratsinformationssystem und dieselbe Tablet-App. Die Städte haben die Einführung "
            "gemeinsam organisiert, Schulungen für Mandatsträger zusammen angeboten und einen "
            "gemeinsamen Support bei der Stadt Attendorn eingerichtet. Sitzungsgelder und "
            "Verdienstausfall werden im selben System abgerechnet. Papierversand gibt es nur noch auf "
            "ausdrücklichen Wunsch."
        ),
        "participants": ["Attendorn", "Finnentrop", "Lennestadt"],
        "lead": "Attendorn",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2020-11-01",
        "outcomeFigures": [{"label": "Eingesparte Druckseiten", "value": 410000, "unit": "Seiten/Jahr"}],
        "lessonsLearned": "Ältere Ratsmitglieder brauchen persönliche Sprechstunden, nicht nur Handbücher.",
        "transferability": "Für Kommunen mit identischem Ratsinformationssystem sofort übertragbar.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Ratsinformationssystem", "Gremienarbeit", "papierlos", "Digitalisierung"],
    },
    {
        "title": "Hausarztgewinnung Olpe, Drolshagen und Wenden",
        "description": (
            "Mehrere Hausärzte gehen in den nächsten Jahren in Ruhestand, Nachfolger sind kaum in Sicht. "
            "Olpe, Drolshagen und Wenden werben deshalb gemeinsam um Medizinstudierende und junge "
            "Ärztinnen: mit Stipendien gegen die Zusage, einige Jahre in der Region zu praktizieren, mit "
            "Hospitationen in Praxen und mit Hilfe bei Wohnungssuche und Kinderbetreuung. Eine Lotsin "
            "bei der Stadt Olpe ist erste Ansprechpartnerin. Die Kassenärztliche Vereinigung und das "
            "Gesundheitsamt des Kreises sind eingebunden."
        ),
        "participants": ["Olpe", "Drolshagen", "Wenden"],
        "lead": "Olpe",
        "state": "NW",
        "taskAreas": ["07"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-10-01",
        "fundingProgramme": "Hausarztaktionsprogramm NRW",
        "outcomeFigures": [{"label": "Vergebene Stipendien", "value": 6, "unit": "Stipendien"}],
        "lessonsLearned": "Für Bewerber zählen Kita-Platz und Arbeitsplatz für den Partner oft mehr als Geld.",
        "transferability": "Für ländliche Kommunen mit drohender Unterversorgung.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Gesundheitsversorgung", "Hausärzte", "Stipendium", "Fachkräftegewinnung", "ländlicher Raum"],
    },
    {
        "title": "Gemeinsamer Betriebshof Netphen und Wilnsdorf",
        "description": (
            "Beide Bauhöfe sind zu klein und ihre Gebäude sanierungsbedürftig. Netphen und Wilnsdorf "
            "planen deshalb einen gemeinsamen Betriebshof an einem Standort mit Salzhalle, Werkstatt und "
            "Waschplatz. Organisiert werden soll er als Zweckverband, der Straßenunterhaltung, "
            "Grünpflege und Winterdienst für beide Gemeinden übernimmt. Eine Organisationsuntersuchung "
            "hat gezeigt, dass Fahrzeugpark und Werkstätten deutlich kleiner ausfallen können. Offen ist "
            "noch die Standortfrage."
        ),
        "participants": ["Netphen", "Wilnsdorf"],
        "lead": "Netphen",
        "state": "NW",
        "taskAreas": ["12", "13"],
        "legalForm": "zweckverband",
        "status": "geplant",
        "startDate": "2027-01-01",
        "lessonsLearned": "Eine neutrale Organisationsuntersuchung hat die Diskussion versachlicht.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Bauhof", "Betriebshof", "Winterdienst", "Zweckverband", "Siegen-Wittgenstein"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Öffentliches WLAN in Wittgenstein",
        "description": (
            "Bad Berleburg, Bad Laasphe und Erndtebrück haben gemeinsam öffentliche WLAN-Hotspots in "
            "Ortskernen, Kurparks, Bürgerhäusern und an Wanderparkplätzen eingerichtet. Das Projekt "
            "umfasste Standortplanung, Ausschreibung und Installation; der Betrieb wurde anschließend an "
            "einen Provider vergeben. Gerade für Gäste in Funklöchern war das Angebot wichtig. Nach "
            "Abschluss des Förderprojekts tragen die Kommunen die Betriebskosten selbst."
        ),
        "participants": ["Bad Berleburg", "Bad Laasphe", "Erndtebrück"],
        "lead": "Bad Laasphe",
        "state": "NW",
        "taskAreas": ["15", "01"],
        "legalForm": "oerv-mandatierend",
        "status": "abgeschlossen",
        "startDate": "2018-04-01",
        "endDate": "2021-03-31",
        "fundingProgramme": "WiFi4EU",
        "outcomeFigures": [{"label": "Installierte Hotspots", "value": 58, "unit": "Hotspots"}],
        "lessonsLearned": "Betriebskosten nach Förderende von Beginn an im Haushalt einplanen.",
        "transferability": "Für touristisch geprägte ländliche Räume mit schlechter Mobilfunkversorgung.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["WLAN", "Breitband", "Tourismus", "Digitalisierung", "Wittgenstein"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Wohngeldstelle Werl für Wickede (Ruhr) und Ense",
        "description": (
            "Seit der Wohngeldreform hat sich die Zahl der Anträge fast verdoppelt. Wickede (Ruhr) und "
            "Ense haben die Bearbeitung des Wohngelds deshalb auf die Stadt Werl übertragen. Anträge "
            "können weiterhin im eigenen Rathaus abgegeben oder online gestellt werden; Prüfung, "
            "Bescheid und Rückforderungen erledigt ein Team in Werl, das mit fünf Sachbearbeitenden "
            "Spitzen deutlich besser abfedern kann. Für Beratung gibt es wöchentliche Sprechstunden in "
            "Wickede und Ense."
        ),
        "participants": ["Werl", "Wickede", "Ense"],
        "lead": "Werl",
        "state": "NW",
        "taskAreas": ["05", "10"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2019-01-01",
        "outcomeFigures": [{"label": "Durchschnittliche Bearbeitungszeit eines Wohngeldantrags", "value": 38, "unit": "Tage"}],
        "lessonsLearned": "Sprechstunden vor Ort sind für die Akzeptanz in den abgebenden Gemeinden unverzichtbar.",
        "transferability": "Für kleine Gemeinden mit stark schwankenden Fallzahlen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Werl, Wohngeldstelle", "email": "wohngeld@werl.example"},
        "keywords": ["Wohngeld", "Sozialleistungen", "Antragsbearbeitung", "Kreis Soest"],
    },
    {
        "title": "Naturparkregion Möhnesee, Warstein und Rüthen",
        "description": (
            "Die drei Kommunen am Nordrand des Arnsberger Waldes vermarkten Wander- und Radangebote "
            "gemeinsam und koordinieren die Besucherlenkung an Möhnesee und Waldparkplätzen. Ein "
            "touristischer Verein, dem auch Gastronomie und Vermieter angehören, pflegt die "
            "Wanderwege-Beschilderung und gibt eine gemeinsame Karte heraus. Nach Sturm- und "
            "Käferschäden im Wald wurden viele Wege neu trassiert; die Abstimmung mit dem Forst läuft "
            "über den Verein."
        ),
        "participants": ["Möhnesee", "Warstein", "Rüthen"],
        "lead": "Warstein",
        "state": "NW",
        "taskAreas": ["15", "13"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2013-04-01",
        "lessonsLearned": "Besucherlenkung und Naturschutz müssen zusammen geplant werden, nicht nacheinander.",
        "transferability": "Für Kommunen rund um ein gemeinsames Naherholungsgebiet.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Tourismus", "Wandern", "Besucherlenkung", "Naturpark", "Verein"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Grundsteuerreform gemeinsam umsetzen: Holzwickede, Fröndenberg und Bönen",
        "description": (
            "Mit der Grundsteuerreform mussten alle Grundstücke neu veranlagt werden. Holzwickede, "
            "Fröndenberg/Ruhr und Bönen haben dafür ein befristetes gemeinsames Projektteam bei der "
            "Gemeinde Holzwickede gebildet. Es übernahm den Abgleich der Messbescheide des Finanzamts, "
            "die Datenbereinigung im Steuerverfahren, die Hebesatzberechnungen für die Räte und die "
            "Bearbeitung von Rückfragen. Nach dem Versand der neuen Bescheide wurde das Team aufgelöst; "
            "die laufende Veranlagung liegt wieder bei den Steuerämtern."
        ),
        "participants": ["Holzwickede", "Fröndenberg/Ruhr", "Bönen"],
        "lead": "Holzwickede",
        "state": "NW",
        "taskAreas": ["16"],
        "legalForm": "oerv-mandatierend",
        "status": "abgeschlossen",
        "startDate": "2022-09-01",
        "endDate": "2025-03-31",
        "outcomeFigures": [{"label": "Neu veranlagte Steuerobjekte", "value": 31000, "unit": "Objekte"}],
        "lessonsLearned": "Ein befristetes Projektteam eignet sich gut für einmalige Großaufgaben.",
        "transferability": "Das Modell passt auch für künftige Massenverfahren wie Straßenreinigungsgebühren.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Grundsteuer", "Steuerveranlagung", "Kämmerei", "Hebesatz", "Kreis Unna"],
    },
    {
        "title": "Pflege der Ausgleichsflächen Kamen, Bergkamen und Werne",
        "description": (
            "Ausgleichsflächen aus Bebauungsplänen werden oft angelegt und dann vergessen. Kamen, "
            "Bergkamen und Werne haben die Pflege ihrer Ausgleichs- und Ersatzflächen gemeinsam an eine "
            "Biologische Station vergeben. Sie mäht Feuchtwiesen, schneidet Kopfweiden und kontrolliert "
            "den Zustand jährlich. Ein gemeinsames Kompensationskataster dokumentiert, welche Fläche zu "
            "welchem Eingriff gehört – das hilft auch bei Anfragen der Unteren Naturschutzbehörde."
        ),
        "participants": ["Bergkamen", "Kamen", "Werne", Org("Biologische Station (Auftragnehmerin)")],
        "lead": "Bergkamen",
        "state": "NW",
        "taskAreas": ["13"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2016-04-01",
        "lessonsLearned": "Ohne Kompensationskataster weiß nach zehn Jahren niemand mehr, wofür eine Fläche angelegt wurde.",
        "transferability": "Für Kommunen mit vielen kleinen Ausgleichsflächen gut übertragbar.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Ausgleichsflächen", "Kompensation", "Naturschutz", "Landschaftspflege"],
    },
    {
        "title": "Technische Betriebe Südkreis für Gevelsberg, Ennepetal und Schwelm",
        "description": (
            "Straßenreinigung, Kanalunterhaltung, Grünpflege und Fuhrpark der drei Städte sollen in "
            "einem gemeinsamen Kommunalunternehmen zusammengeführt werden. Die Anstalt öffentlichen "
            "Rechts übernimmt Personal und Fahrzeuge der bisherigen Betriebshöfe; die Städte bleiben "
            "Gewährträger und bestellen Leistungen über jährliche Leistungsvereinbarungen. Mit den "
            "Personalräten wurde eine Überleitungsvereinbarung abgeschlossen. Der Start der Anstalt ist "
            "zum nächsten Jahreswechsel vorgesehen."
        ),
        "participants": ["Gevelsberg", "Ennepetal", "Schwelm"],
        "lead": "Gevelsberg",
        "state": "NW",
        "taskAreas": ["12", "11", "13"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "in-umsetzung",
        "startDate": "2024-06-01",
        "lessonsLearned": "Die Überleitungsvereinbarung mit den Personalräten war der kritische Pfad.",
        "transferability": "Für benachbarte Städte mit ähnlich großen Betriebshöfen.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Betriebshof", "Kommunalunternehmen", "Straßenreinigung", "Anstalt öffentlichen Rechts", "Ennepe-Ruhr-Kreis"],
    },
    {
        "title": "Zweckverband Musikschule Witten, Herdecke und Wetter",
        "description": (
            "Die Musikschule für Witten, Herdecke und Wetter (Ruhr) wird von einem Zweckverband "
            "getragen. Unterricht findet in Musikschulzentren in allen drei Städten und in vielen "
            "Grundschulen statt. Der Zweckverband stellt die Lehrkräfte ein, organisiert Ensembles und "
            "Wettbewerbe und kooperiert mit Kitas bei der musikalischen Früherziehung. Gebühren und "
            "Sozialermäßigungen sind einheitlich geregelt. Jedes Jahr gibt es ein gemeinsames "
            "Abschlusskonzert in wechselnden Städten."
        ),
        "participants": ["Witten", "Herdecke", "Wetter"],
        "lead": "Witten",
        "state": "NW",
        "taskAreas": ["04", "03"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "1996-08-01",
        "lessonsLearned": "Festanstellungen statt Honorarverträgen halten gute Lehrkräfte in der Region.",
        "transferability": "Klassisches Modell für musikalische Bildung in Nachbarstädten.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Musikschule", "kulturelle Bildung", "Zweckverband", "Ennepe-Ruhr-Kreis"],
    },
    {
        "type": "smartCityInitiative",
        "title": "XPlanung und digitale Bauleitplanung Dortmund, Lünen und Schwerte",
        "description": (
            "Bebauungspläne liegen oft nur als PDF vor. Dortmund, Lünen und Schwerte stellen ihre "
            "Bauleitpläne gemeinsam auf den Standard XPlanung um und veröffentlichen sie in einem "
            "Geoportal. Ein Team aus Planern und GIS-Fachleuten digitalisiert Altpläne nach Prioritäten, "
            "neue Pläne entstehen direkt im Standard. Bürgerinnen und Bürger sehen so für jedes "
            "Grundstück, was gebaut werden darf; Investoren erhalten strukturierte Daten. Die "
            "Online-Beteiligung an Planverfahren läuft über dieselbe Plattform."
        ),
        "participants": ["Dortmund", "Lünen", "Schwerte"],
        "lead": "Dortmund",
        "state": "NW",
        "taskAreas": ["09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-01-01",
        "outcomeFigures": [{"label": "Digitalisierte Bebauungspläne", "value": 870, "unit": "Pläne"}],
        "lessonsLearned": "Altpläne nach Nachfrage priorisieren, nicht nach Alter.",
        "transferability": "Für alle Planungsämter; das Vorgehen ist dokumentiert und nachnutzbar.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["XPlanung", "Bauleitplanung", "Bebauungsplan", "Geoportal", "Smart City"],
    },
    {
        "title": "Grenzquartier Bochum-Herne: gemeinsames Quartiersmanagement",
        "description": (
            "Das Quartier an der Stadtgrenze zwischen Bochum und Herne wurde lange von beiden Städten "
            "nur am Rand betreut. Jetzt gibt es ein gemeinsames Quartiersbüro mit zwei "
            "Quartiersmanagerinnen, einen gemeinsamen Verfügungsfonds für Nachbarschaftsprojekte und "
            "abgestimmte Investitionen in Spielplätze und Straßenräume. Ein Stadtteilbeirat mit "
            "Bewohnerinnen, Schulen und Wohnungsunternehmen berät über Maßnahmen. Die Förderanträge "
            "stellen beide Städte parallel mit einem gemeinsamen integrierten Handlungskonzept."
        ),
        "participants": ["Bochum", "Herne"],
        "lead": "Herne",
        "state": "NW",
        "taskAreas": ["09", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-05-01",
        "fundingProgramme": "Städtebauförderung – Sozialer Zusammenhalt",
        "lessonsLearned": "Bewohner interessiert die Stadtgrenze nicht – die Verwaltung muss sich danach richten.",
        "transferability": "Für Quartiere an Stadtgrenzen in Ballungsräumen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Quartiersmanagement", "Stadtentwicklung", "Sozialer Zusammenhalt", "Nachbarschaft"],
    },
    {
        "title": "Gemeinsamer Brandschutzbedarfsplan Hagen, Herdecke und Breckerfeld",
        "description": (
            "Hagen, Herdecke und Breckerfeld haben ihre Brandschutzbedarfspläne erstmals gemeinsam "
            "aufgestellt. Ein Gutachter hat Einsatzzeiten, Gerätebedarf und Standorte der Wachen über "
            "die Stadtgrenzen hinweg analysiert. Ergebnis: Einige Ortsteile von Breckerfeld und Herdecke "
            "werden von Hagener Wachen schneller erreicht, was nun in der Alarm- und Ausrückeordnung "
            "berücksichtigt ist. Sonderfahrzeuge wie Drehleiter und Gerätewagen Gefahrgut werden "
            "abgestimmt beschafft. Die Pläne sind beschlossen."
        ),
        "participants": ["Hagen", "Herdecke", "Breckerfeld"],
        "lead": "Hagen",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "abgeschlossen",
        "startDate": "2021-02-01",
        "endDate": "2023-06-30",
        "outcomeFigures": [{"label": "Verbesserung der Hilfsfrist in Randlagen", "value": 3, "unit": "Minuten"}],
        "lessonsLearned": "Gemeinsame Alarm- und Ausrückeordnungen nutzen vorhandene Wachen besser als Neubauten.",
        "transferability": "Für kreisfreie Städte und kreisangehörige Nachbarn mit Randlagen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Brandschutzbedarfsplan", "Feuerwehr", "Hilfsfrist", "Gefahrenabwehr"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitaler Zwilling für Starkregenvorsorge Hamm, Werne und Bergkamen",
        "description": (
            "Mit einem gemeinsamen digitalen Geländemodell simulieren Hamm, Werne und Bergkamen, wohin "
            "Wasser bei Starkregen fließt. Die Starkregengefahrenkarten werden veröffentlicht; "
            "Hauseigentümer können prüfen, ob ihr Grundstück betroffen ist. Die Stadtentwässerung nutzt "
            "das Modell, um Notwasserwege und Rückhalteflächen zu planen, die Feuerwehr für die "
            "Einsatzvorbereitung. Kanalnetzdaten der drei Städte wurden dafür in ein einheitliches "
            "Format gebracht."
        ),
        "participants": ["Hamm", "Werne", "Bergkamen"],
        "lead": "Hamm",
        "state": "NW",
        "taskAreas": ["14", "11", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-09-01",
        "fundingProgramme": "Förderprogramm Klimaanpassung NRW",
        "lessonsLearned": "Die Veröffentlichung der Gefahrenkarten braucht eine gute Kommunikationsstrategie.",
        "transferability": "Geländemodell und Methodik sind für Nachbarkommunen nachnutzbar.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "website": "https://www.hamm.de/",
        "keywords": ["Starkregen", "Klimaanpassung", "digitaler Zwilling", "Stadtentwässerung", "Smart City"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Gästekarte Sauerland für Schmallenberg, Winterberg und Olsberg",
        "description": (
            "Statt Papierscheinen erhalten Übernachtungsgäste in Schmallenberg, Winterberg und Olsberg "
            "eine digitale Gästekarte aufs Smartphone. Vermieter melden ihre Gäste online, der "
            "Gästebeitrag wird automatisch berechnet und abgerechnet. Mit der Karte fahren Gäste "
            "kostenlos Bus und erhalten Vergünstigungen bei Freizeitanbietern. Die Kommunen sehen "
            "anonymisierte Auswertungen zu Gästeströmen und können Angebote gezielter planen. Die "
            "Einführung wird von den Tourist-Informationen mit Schulungen für Vermieter begleitet."
        ),
        "participants": ["Schmallenberg", "Winterberg", "Olsberg"],
        "lead": "Schmallenberg",
        "state": "NW",
        "taskAreas": ["15", "16"],
        "legalForm": "privatrechtlich",
        "status": "in-umsetzung",
        "startDate": "2024-04-01",
        "lessonsLearned": "Kleine Vermieter ohne Buchungssoftware brauchen ein sehr einfaches Meldeportal.",
        "transferability": "Für Tourismusorte mit Gästebeitrag und gemeinsamer ÖPNV-Nutzung.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Gästekarte", "Tourismus", "Gästebeitrag", "Meldeschein", "Smart City"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gleichstellungsstelle für Herscheid, Schalksmühle und Nachrodt-Wiblingwerde",
        "description": (
            "Drei kleine Gemeinden im Märkischen Kreis teilen sich eine hauptamtliche "
            "Gleichstellungsbeauftragte. Sie berät die Verwaltungen bei Stellenbesetzungen und "
            "Gleichstellungsplänen, organisiert Angebote zum Internationalen Frauentag und ist "
            "Anlaufstelle bei Fragen zu Vereinbarkeit von Familie und Beruf. Für Beschäftigte gibt es "
            "feste Sprechzeiten in allen drei Rathäusern. Die Stelle ist bei der Gemeinde Schalksmühle "
            "angesiedelt."
        ),
        "participants": ["Schalksmühle", "Herscheid", "Nachrodt-Wiblingwerde"],
        "lead": "Schalksmühle",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2017-10-01",
        "lessonsLearned": "Die Beauftragte braucht in jeder Verwaltung dieselben Beteiligungsrechte – das muss schriftlich stehen.",
        "transferability": "Für kleine Gemeinden, die allein nur eine Teilzeitstelle finanzieren könnten.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Gleichstellung", "Gleichstellungsbeauftragte", "Personalwesen", "Vereinbarkeit"],
    },
    {
        "title": "Quartierspflege-Koordination Siegen, Netphen und Wilnsdorf",
        "description": (
            "Ältere Menschen sollen möglichst lange zu Hause leben können. Siegen, Netphen und Wilnsdorf "
            "koordinieren dafür gemeinsam Pflege- und Unterstützungsangebote in ihren Quartieren: "
            "Nachbarschaftshilfe, Tagespflege, haushaltsnahe Dienste und Wohnraumanpassung. Eine "
            "Koordinatorin pro Kommune arbeitet mit einer gemeinsamen Angebotsdatenbank und abgestimmten "
            "Beratungsstandards. Die Pflegeberatung des Kreises ist eng eingebunden. Zwischenergebnisse "
            "werden bisher nur im Netzwerk geteilt."
        ),
        "participants": ["Siegen", "Netphen", "Wilnsdorf"],
        "lead": "Siegen",
        "state": "NW",
        "taskAreas": ["07", "05"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2020-03-01",
        "lessonsLearned": "Eine gemeinsame Angebotsdatenbank ist nur so gut wie ihre Pflege – Zuständigkeit klar regeln.",
        "transferability": "Für Kommunen, die Pflege im Quartier aufbauen wollen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "visibility": "network",
        "keywords": ["Pflege", "Quartier", "Senioren", "Nachbarschaftshilfe", "Altenhilfe"],
    },
    {
        "title": "Gemeinsamer Wertstoffhof Soest und Bad Sassendorf",
        "description": (
            "Bürgerinnen und Bürger aus Bad Sassendorf können Grünschnitt, Sperrmüll, Elektroschrott und "
            "Bauschutt auf dem Wertstoffhof in Soest abgeben. Im Gegenzug beteiligt sich die Gemeinde an "
            "Betriebs- und Personalkosten und verzichtet auf einen eigenen Hof. Die Öffnungszeiten "
            "wurden auf Samstagnachmittag erweitert. Abgerechnet wird nach angelieferten Mengen, die an "
            "der Waage nach Wohnort erfasst werden."
        ),
        "participants": ["Soest", "Bad Sassendorf"],
        "lead": "Soest",
        "state": "NW",
        "taskAreas": ["11"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2016-05-01",
        "outcomeFigures": [{"label": "Angelieferte Mengen aus Bad Sassendorf", "value": 2300, "unit": "t/Jahr"}],
        "lessonsLearned": "Die Erfassung nach Wohnort an der Waage macht die Kostenverteilung unstrittig.",
        "transferability": "Für kleine Gemeinden neben einer Stadt mit gut ausgestattetem Wertstoffhof.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Abfall", "Wertstoffhof", "Grünschnitt", "Abfallwirtschaft"],
    },
    {
        "title": "Bauaufsicht für Sundern durch die Stadt Arnsberg",
        "description": (
            "Sundern hatte 2016 die Aufgaben der unteren Bauaufsicht auf die Nachbarstadt Arnsberg "
            "übertragen, weil Stellen nicht besetzt werden konnten. Bauanträge aus Sundern wurden in "
            "Arnsberg geprüft und genehmigt. Bürger und Architekten kritisierten lange Wege und "
            "Bearbeitungszeiten, zugleich fehlte die Nähe zur örtlichen Planung. Nachdem es Sundern "
            "gelungen war, wieder Bauingenieure zu gewinnen, wurde die Vereinbarung 2022 beendet und die "
            "Bauaufsicht zurückgeholt."
        ),
        "participants": ["Arnsberg", "Sundern"],
        "lead": "Arnsberg",
        "state": "NW",
        "taskAreas": ["10"],
        "legalForm": "oerv-delegierend",
        "status": "eingestellt",
        "startDate": "2016-01-01",
        "endDate": "2022-06-30",
        "lessonsLearned": "Bauaufsicht und örtliche Bauleitplanung sind eng verzahnt; bei Übertragung feste Abstimmungsrunden vorsehen.",
        "transferability": "Als Übergangslösung bei Personalnot geeignet, dauerhaft nur mit digitaler Bauakte.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Bauaufsicht", "Baugenehmigung", "Personalmangel", "Aufgabenübertragung"],
    },
    {
        "title": "Onleihe-Verbund Hellweg: Lippstadt, Geseke, Rüthen und Anröchte",
        "description": (
            "E-Books, Hörbücher und digitale Zeitschriften leihen Nutzerinnen und Nutzer der Büchereien "
            "in Lippstadt, Geseke, Rüthen und Anröchte über einen gemeinsamen Onleihe-Verbund. Die "
            "Stadtbücherei Lippstadt verwaltet Lizenzen und Bestand, die kleinen Büchereien – teils "
            "ehrenamtlich geführt – zahlen einen Anteil nach Einwohnerzahl. In Schulungen lernen "
            "Seniorinnen und Senioren, wie sie E-Reader und Tablet nutzen."
        ),
        "participants": ["Lippstadt", "Geseke", "Rüthen", "Anröchte"],
        "lead": "Lippstadt",
        "state": "NW",
        "taskAreas": ["04"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2015-03-01",
        "lessonsLearned": "Ehrenamtlich geführte Büchereien profitieren am meisten, brauchen aber Ansprechpartner in der Stadtbücherei.",
        "transferability": "Für Büchereien jeder Größe, Voraussetzung ist ein Onleihe-Vertrag.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Bibliothek", "Onleihe", "E-Books", "Bücherei", "Kreis Soest"],
    },
]
