"""Illustrative (made-up) catalogue entries outside NRW: Hessen, Rheinland-Pfalz, Bayern,
Baden-Württemberg.

Participants are real neighbouring municipalities; projects, figures and mailboxes are invented.
Cooperations under another Land's law (Zweckvereinbarung, vereinbarte Verwaltungsgemeinschaft
...) are classified as "sonstige" unless a Zweckverband or a joint municipal enterprise is meant.
"""

from __future__ import annotations

from seed_projects.build import Org

ENTRIES = [
    # ------------------------------------------------------------------ Hessen
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsamer Ordnungsbehördenbezirk Lich, Laubach und Hungen",
        "description": (
            "Die drei Städte im Osten des Landkreises Gießen haben einen gemeinsamen "
            "Ordnungsbehördenbezirk gebildet. Die örtliche Ordnungsbehörde mit Sitz in Lich bearbeitet "
            "Gefahrenabwehrverordnungen, Veranstaltungsgenehmigungen, Sondernutzungen, Fundsachen und "
            "das Gewerberecht für alle drei Städte. Ein gemeinsamer Außendienst kontrolliert "
            "Parkverstöße und Lärm. Die Bürgerbüros vor Ort nehmen Anträge weiterhin entgegen. Die "
            "Kosten werden nach Einwohnerzahl verteilt. Für Veranstalter gibt es nur noch eine "
            "Ansprechstelle statt drei."
        ),
        "participants": ["Lich", "Laubach", "Hungen"],
        "lead": "Lich",
        "state": "HE",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2016-01-01",
        "outcomeFigures": [{"label": "Bearbeitete ordnungsbehördliche Vorgänge", "value": 5400, "unit": "Vorgänge/Jahr"}],
        "lessonsLearned": "Die Bürgerbüros als Annahmestellen zu erhalten, war für die Akzeptanz entscheidend.",
        "transferability": "Für hessische Kleinstädte, die das Instrument des Ordnungsbehördenbezirks nutzen wollen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Ordnungsbehörde", "Gefahrenabwehr", "Ordnungsbehördenbezirk", "Landkreis Gießen"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Zentrale Vergabestelle Gießener Land",
        "description": (
            "Pohlheim, Linden, Langgöns und Buseck wickeln ihre Ausschreibungen über eine gemeinsame "
            "Vergabestelle in Pohlheim ab. Sie begleitet Bauvorhaben wie Feuerwehrgerätehäuser und "
            "Kita-Erweiterungen ebenso wie die Beschaffung von Fahrzeugen oder Reinigungsleistungen. Für "
            "wiederkehrende Leistungen gibt es gemeinsame Rahmenverträge. Die Vergabestelle berät "
            "außerdem bei Fragen zum Tariftreue- und Vergabegesetz des Landes. Die Fachämter der Partner "
            "behalten die Verantwortung für Bedarf und Abnahme der Leistungen."
        ),
        "participants": ["Pohlheim", "Linden", "Langgöns", "Buseck"],
        "lead": "Pohlheim",
        "state": "HE",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2018-01-01",
        "lessonsLearned": "Gemeinsame Rahmenverträge für wiederkehrende Leistungen entlasten mehr als Einzelverfahren.",
        "transferability": "Für Gemeinden ohne eigene Vergabejuristen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Pohlheim, Zentrale Vergabestelle", "email": "vergabestelle@pohlheim.example"},
        "keywords": ["Vergabestelle", "Ausschreibung", "Rahmenvertrag", "Beschaffung"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Standesamtsbezirk Hinterland",
        "description": (
            "Biedenkopf, Dautphetal, Breidenbach, Steffenberg und Angelburg haben ihre Standesämter zu "
            "einem Standesamtsbezirk mit Sitz in Biedenkopf vereinigt. Fünf Kommunen, ein Team: "
            "Beurkundungen, Namensrecht, Kirchenaustritte und Eheschließungen werden zentral "
            "vorbereitet. Getraut wird im Schloss Biedenkopf und in den Rathäusern der Partner. Die "
            "Vertretung bei Urlaub und Krankheit ist erstmals lückenlos gesichert. Urkunden werden auf "
            "Wunsch per Post zugestellt."
        ),
        "participants": ["Biedenkopf", "Dautphetal", "Breidenbach", "Steffenberg", "Angelburg"],
        "lead": "Biedenkopf",
        "state": "HE",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2014-01-01",
        "lessonsLearned": "Je kleiner die Standesämter, desto größer der Gewinn an Vertretungssicherheit.",
        "transferability": "Für ländliche Gemeinden mit kleinen Standesämtern sehr gut übertragbar.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Standesamt", "Standesamtsbezirk", "Beurkundung", "Marburg-Biedenkopf"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Bürgerbeteiligung im Bergwinkel",
        "description": (
            "Schlüchtern, Steinau an der Straße und Sinntal nutzen eine gemeinsame Beteiligungsplattform "
            "für Bauleitplanung, Haushaltsberatung und Dorfentwicklung. Bürgerinnen und Bürger "
            "kommentieren Pläne online, stimmen über Vorschläge ab und verfolgen, was aus ihren "
            "Anregungen geworden ist. Die Kommunen haben gemeinsame Regeln für Moderation und "
            "Datenschutz erarbeitet und Verwaltungsmitarbeitende zu Beteiligungsmoderatoren "
            "fortgebildet. Wer nicht online ist, kann Beiträge weiterhin schriftlich oder in "
            "Sprechstunden einbringen."
        ),
        "participants": ["Schlüchtern", "Steinau an der Straße", "Sinntal"],
        "lead": "Schlüchtern",
        "state": "HE",
        "taskAreas": ["01", "09"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-02-01",
        "fundingProgramme": "Starke Heimat Hessen",
        "lessonsLearned": "Beteiligung braucht Rückmeldung – sichtbar machen, was aus Vorschlägen wurde.",
        "transferability": "Für kleine Städte, die Beteiligung professionalisieren wollen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "website": "https://www.schluechtern.de/",
        "keywords": ["Bürgerbeteiligung", "E-Partizipation", "Dorfentwicklung", "Smart City"],
    },
    {
        "title": "Kita-Fachberatung Bruchköbel, Erlensee und Nidderau",
        "description": (
            "Pädagogische Fachberatung für städtische Kitas ist für viele kleinere Träger kaum allein zu "
            "finanzieren. Bruchköbel, Erlensee und Nidderau beschäftigen deshalb gemeinsam zwei "
            "Fachberaterinnen. Sie begleiten Kita-Leitungen bei Konzeptionsentwicklung, "
            "Kinderschutzverfahren und Qualitätsentwicklung und organisieren gemeinsame Fortbildungstage "
            "für alle Teams. Die Kosten werden nach Zahl der betreuten Kinder verteilt. Bei "
            "Kinderschutzfällen stehen die Fachberaterinnen auch kurzfristig zur Verfügung. Die "
            "Jugendämter werden regelmäßig über die Arbeit informiert."
        ),
        "participants": ["Bruchköbel", "Erlensee", "Nidderau"],
        "lead": "Bruchköbel",
        "state": "HE",
        "taskAreas": ["06"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2019-09-01",
        "lessonsLearned": "Gemeinsame Fortbildungstage stärken den Austausch zwischen Kita-Teams unterschiedlicher Städte.",
        "transferability": "Für kommunale Kita-Träger mit weniger als zwanzig Einrichtungen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Kita", "Fachberatung", "Kinderschutz", "Qualitätsentwicklung"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Personalservice-Center Oberhessen",
        "description": (
            "Büdingen, Ortenberg, Gedern, Kefenrod und Hirzenhain haben ihre Entgelt- und "
            "Besoldungsabrechnung sowie die Reisekostenabrechnung auf ein Personalservice-Center in "
            "Büdingen übertragen. Die Partner melden Personalveränderungen digital, Beschäftigte sehen "
            "ihre Abrechnungen in einem Mitarbeiterportal. Das Center übernimmt außerdem die Meldungen "
            "an die Zusatzversorgungskasse und bereitet die Stellenplanstatistiken vor. Die Kosten "
            "verteilen sich nach Zahl der Abrechnungsfälle. Für Beschäftigte gibt es feste "
            "Telefonsprechzeiten."
        ),
        "participants": ["Büdingen", "Ortenberg", "Gedern", "Kefenrod", "Hirzenhain"],
        "lead": "Büdingen",
        "state": "HE",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "outcomeFigures": [{"label": "Abrechnungsfehler je 1.000 Abrechnungen", "value": 1.8, "unit": "Fehler"}],
        "lessonsLearned": "Ein Mitarbeiterportal spart Rückfragen und Papier, braucht aber Akzeptanz in den Bauhöfen.",
        "transferability": "Für kleine Kommunen einer Region mit gleicher Abrechnungssoftware.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Entgeltabrechnung", "Besoldung", "Reisekosten", "Personalservice", "Wetteraukreis"],
    },
    {
        "title": "Wirtschaftsförderung Wetterau-Nord",
        "description": (
            "Butzbach, Münzenberg und Rockenberg stimmen ihre Wirtschaftsförderung ab: gemeinsame "
            "Gewerbeflächenbörse, ein Unternehmerstammtisch, Ausbildungsmessen und ein abgestimmtes "
            "Vorgehen gegenüber der Regionalplanung. Die Koordination liegt bei der Wirtschaftsförderung "
            "in Butzbach, die anderen Kommunen stellen Ansprechpartner in ihren Rathäusern. Ein Ziel "
            "ist, Ansiedlungsanfragen nicht mehr gegeneinander auszuspielen, sondern passende Flächen "
            "gemeinsam anzubieten. Die Kommunen treffen sich dazu quartalsweise."
        ),
        "participants": ["Butzbach", "Münzenberg", "Rockenberg"],
        "lead": "Butzbach",
        "state": "HE",
        "taskAreas": ["15"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2018-06-01",
        "lessonsLearned": "Eine gemeinsame Flächenbörse schafft Transparenz, ersetzt aber keine Einigung über Gewerbesteuer.",
        "transferability": "Niedrigschwelliger Einstieg in interkommunale Wirtschaftsförderung.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Wirtschaftsförderung", "Gewerbeflächen", "Ansiedlung", "Unternehmensnetzwerk"],
    },
    {
        "title": "Kommunales Medizinisches Versorgungszentrum Odenwald",
        "description": (
            "Um die hausärztliche Versorgung zu sichern, gründen Oberzent, Michelstadt und Erbach ein "
            "kommunales Medizinisches Versorgungszentrum als gemeinnützige GmbH. Ärztinnen und Ärzte "
            "werden angestellt, Praxisräume in allen drei Städten betrieben. So lassen sich "
            "Teilzeitmodelle anbieten, die junge Medizinerinnen suchen. Die Kassenärztliche Vereinigung "
            "hat die Zulassung in Aussicht gestellt; die Finanzierung der Anlaufverluste ist zwischen "
            "den Städten vereinbart."
        ),
        "participants": ["Michelstadt", "Erbach", "Oberzent"],
        "lead": "Michelstadt",
        "state": "HE",
        "taskAreas": ["07"],
        "legalForm": "privatrechtlich",
        "status": "geplant",
        "startDate": "2026-01-01",
        "lessonsLearned": "Anlaufverluste realistisch kalkulieren – ein MVZ braucht einige Jahre bis zur Kostendeckung.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Medizinisches Versorgungszentrum", "Hausärzte", "Gesundheitsversorgung", "gGmbH"],
    },
    {
        "title": "Zweckverband Bauhof Gersprenztal",
        "description": (
            "Brensbach, Fränkisch-Crumbach und Reichelsheim (Odenwald) haben ihre Bauhöfe in einem "
            "Zweckverband zusammengeführt. Der Verband übernimmt Straßenunterhaltung, Winterdienst, "
            "Grünpflege, Friedhofsarbeiten und Hilfe bei Veranstaltungen. Der Fahrzeugpark wurde "
            "verkleinert und modernisiert, eine gemeinsame Werkstatt wartet alle Fahrzeuge. Die "
            "Gemeinden bestellen Leistungen über ein jährliches Arbeitsprogramm und zahlen nach "
            "tatsächlichem Aufwand. Der Betriebshof liegt zentral in Reichelsheim. Die Beschäftigten "
            "wurden mit ihren bisherigen Ansprüchen übernommen."
        ),
        "participants": ["Reichelsheim (Odenwald)", "Brensbach", "Fränkisch-Crumbach"],
        "lead": "Reichelsheim (Odenwald)",
        "state": "HE",
        "taskAreas": ["12", "13"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2015-01-01",
        "outcomeFigures": [{"label": "Fahrzeuge im Bestand (vorher 19)", "value": 13, "unit": "Fahrzeuge"}],
        "lessonsLearned": "Abrechnung nach tatsächlichem Aufwand verhindert Streit über Umlageschlüssel.",
        "transferability": "Für kleine Gemeinden in einem Tal mit kurzen Wegen.",
        "digitalDelivery": "analog",
        "vat2b": "in-pruefung",
        "keywords": ["Bauhof", "Zweckverband", "Winterdienst", "Grünpflege", "Odenwald"],
    },
    {
        "title": "Geodateninfrastruktur Marburg und Umland",
        "description": (
            "Marburg, Cölbe, Lahntal und Weimar (Lahn) betreiben eine gemeinsame Geodateninfrastruktur. "
            "Die Universitätsstadt stellt Server, Geoportal und Fachpersonal; die Umlandgemeinden "
            "pflegen ihre Daten wie Bebauungspläne, Baumkataster oder Straßenbeleuchtung selbst in der "
            "Plattform. Gemeinsam beschafft werden Luftbilder und 3D-Stadtmodelle. Neue Anwendungen "
            "werden zunächst nur im Verwaltungsnetz der Partner bereitgestellt. Die Kosten teilen sich "
            "die Partner nach Einwohnern und Nutzungsumfang. Schulungen für Sachbearbeitende finden "
            "zweimal im Jahr statt."
        ),
        "participants": ["Marburg", "Cölbe", "Lahntal", "Weimar"],
        "lead": "Marburg",
        "state": "HE",
        "taskAreas": ["09"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2017-04-01",
        "lessonsLearned": "Die Umlandgemeinden nutzen die Plattform intensiver, seit sie eigene Datenverantwortliche benannt haben.",
        "transferability": "Für Oberzentren mit GIS-Kompetenz und kleine Umlandgemeinden.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Geodaten", "GIS", "Geoportal", "3D-Stadtmodell"],
    },
    # ------------------------------------------------------------------ Rheinland-Pfalz
    {
        "title": "Kommunale Verkehrsüberwachung Koblenz, Bendorf und Mülheim-Kärlich",
        "description": (
            "Die Stadt Koblenz übernimmt per Zweckvereinbarung die Geschwindigkeits- und "
            "Parkraumüberwachung in Bendorf und Mülheim-Kärlich. Messstellen werden gemeinsam "
            "festgelegt, vor allem an Schulen, Kitas und Unfallschwerpunkten. Das Bußgeldverfahren läuft "
            "über die Bußgeldstelle in Koblenz, die Einnahmen gehen abzüglich einer Kostenpauschale an "
            "die Partnerstädte. Die Messergebnisse werden jährlich im Verkehrsausschuss jeder Stadt "
            "vorgestellt. Eigene Messfahrzeuge brauchen die Partner nicht mehr."
        ),
        "participants": ["Koblenz", "Bendorf", "Mülheim-Kärlich"],
        "lead": "Koblenz",
        "state": "RP",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2016-07-01",
        "outcomeFigures": [{"label": "Geschwindigkeitsverstöße an Schulwegen (Rückgang)", "value": 34, "unit": "Prozent"}],
        "lessonsLearned": "Messstellen nach Unfalllage statt nach Einnahmen auswählen – das schafft Akzeptanz.",
        "transferability": "Für Oberzentren und Nachbarstädte ohne eigene Messtechnik.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Verkehrsüberwachung", "Geschwindigkeitskontrolle", "Bußgeldstelle", "Verkehrssicherheit"],
    },
    {
        "title": "Weintourismus Südpfalz GmbH",
        "description": (
            "Landau in der Pfalz und Neustadt an der Weinstraße hatten 2014 eine gemeinsame Gesellschaft "
            "für Weintourismus gegründet, die Weinfeste, Kellerführungen und Radtouren entlang der "
            "Weinstraße vermarktete. Unterschiedliche Vorstellungen über Markenauftritt und Budget "
            "führten zu wiederholten Konflikten im Aufsichtsrat. 2020 wurde die Gesellschaft aufgelöst; "
            "beide Städte vermarkten sich seitdem wieder eigenständig, stimmen aber "
            "Veranstaltungstermine ab."
        ),
        "participants": ["Landau in der Pfalz", "Neustadt an der Weinstraße"],
        "lead": "Landau in der Pfalz",
        "state": "RP",
        "taskAreas": ["15"],
        "legalForm": "privatrechtlich",
        "status": "eingestellt",
        "startDate": "2014-04-01",
        "endDate": "2020-12-31",
        "lessonsLearned": "Eine gemeinsame Marke braucht vorab eine Einigung über Name, Logo und Budgetanteile.",
        "transferability": "Lehrreich für touristische Kooperationen ähnlich starker Partner.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "keywords": ["Tourismus", "Weintourismus", "Marketing", "GmbH", "gescheiterte Kooperation"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Informationssicherheits-Pool Vorderpfalz",
        "description": (
            "Ludwigshafen am Rhein, Frankenthal (Pfalz) und Speyer bauen einen gemeinsamen Pool von "
            "Informationssicherheitsbeauftragten auf. Die Fachleute sind bei Ludwigshafen angestellt und "
            "betreuen die Verwaltungen der Partnerstädte nach festen Stundenkontingenten. Gemeinsam "
            "werden Sicherheitsleitlinien, Notfallpläne und Awareness-Kampagnen entwickelt. Bei "
            "Sicherheitsvorfällen unterstützt der Pool mit einer Rufbereitschaft. Ziel ist, dass alle "
            "drei Verwaltungen innerhalb von zwei Jahren ein Informationssicherheitsmanagement nach "
            "anerkanntem Standard betreiben. Die Kosten verteilen sich nach den vereinbarten "
            "Kontingenten."
        ),
        "participants": ["Ludwigshafen am Rhein", "Frankenthal", "Speyer"],
        "lead": "Ludwigshafen am Rhein",
        "state": "RP",
        "taskAreas": ["01"],
        "legalForm": "sonstige",
        "status": "in-umsetzung",
        "startDate": "2024-03-01",
        "lessonsLearned": "Feste Stundenkontingente verhindern, dass die größte Stadt den Pool für sich vereinnahmt.",
        "transferability": "Für Städte einer Region mit unterschiedlichen IT-Dienstleistern.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "in-pruefung",
        "visibility": "network",
        "keywords": ["Informationssicherheit", "ISMS", "Cybersicherheit", "Rufbereitschaft"],
    },
    {
        "title": "Fachkräfteagentur Kita Trier und Umland",
        "description": (
            "Erzieherinnen und Erzieher fehlen überall. Die Stadt Trier und die Verbandsgemeinden "
            "Schweich an der Römischen Weinstraße und Trier-Land wollen eine gemeinsame "
            "Fachkräfteagentur für Kitas gründen. Sie soll Stellen gemeinsam ausschreiben, "
            "Quereinsteigende begleiten, Praxisplätze für die Ausbildung koordinieren und einen "
            "Springerpool aufbauen. Zurzeit wird eine Vereinbarung ausgearbeitet, die auch freie Träger "
            "einbeziehen soll."
        ),
        "participants": ["Trier", Org("Verbandsgemeinde Schweich an der Römischen Weinstraße"), Org("Verbandsgemeinde Trier-Land")],
        "lead": "Trier",
        "state": "RP",
        "taskAreas": ["06"],
        "legalForm": "sonstige",
        "status": "geplant",
        "startDate": "2026-02-01",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Kita", "Fachkräftegewinnung", "Erzieherinnen", "Springerpool", "Personalgewinnung"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Gemeinsames Standesamt Andernach und Mayen",
        "description": (
            "Andernach und Mayen haben ein gemeinsames Standesamt mit Sitz in Andernach eingerichtet. "
            "Beide Städte haben Krankenhäuser und damit viele Geburts- und Sterbefallbeurkundungen; die "
            "Bündelung erlaubt eine spezialisierte Bearbeitung von Auslandsfällen und eine "
            "Rufbereitschaft am Wochenende. In Mayen bleibt ein Büro für Trauungen und Urkundenausgabe. "
            "Urkunden können online beantragt und per Post zugestellt werden."
        ),
        "participants": ["Andernach", "Mayen"],
        "lead": "Andernach",
        "state": "RP",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2020-07-01",
        "lessonsLearned": "Ein Außenbüro für Trauungen erhält die Nähe, ohne die Bündelung aufzugeben.",
        "transferability": "Für Mittelstädte mit Krankenhausstandorten.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Standesamt", "Beurkundung", "Auslandsfälle", "Mayen-Koblenz"],
    },
    {
        "title": "Rheinauen-Radweg und Fährverbindung Wörth, Jockgrim und Germersheim",
        "description": (
            "Die Stadt Wörth am Rhein, die Verbandsgemeinde Jockgrim und die Stadt Germersheim haben "
            "einen durchgehenden Radweg durch die Rheinauen gebaut und eine saisonale Fahrradfähre "
            "eingerichtet. Das Projekt umfasste Wegebau, Beschilderung, Informationstafeln zu Natur und "
            "Auenschutz sowie Rastplätze. Nach Abschluss der Bauphase haben die Partner Unterhaltung und "
            "Fährbetrieb in einer Folgevereinbarung geregelt. Die Fähre wird ehrenamtlich betrieben."
        ),
        "participants": ["Wörth am Rhein", "Germersheim", Org("Verbandsgemeinde Jockgrim")],
        "lead": "Wörth am Rhein",
        "state": "RP",
        "taskAreas": ["12", "13", "15"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2018-03-01",
        "endDate": "2021-09-30",
        "fundingProgramme": "LEADER Südpfalz",
        "outcomeFigures": [{"label": "Neu gebaute Radwegkilometer", "value": 14, "unit": "km"}],
        "lessonsLearned": "Naturschutzbehörden früh einbinden, Auenwege brauchen besondere Genehmigungen.",
        "transferability": "Für Kommunen entlang von Flussauen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Radweg", "Fähre", "Rheinauen", "Naturschutz", "Tourismus"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Datenschutzbeauftragter Speyer und Schifferstadt",
        "description": (
            "Die Städte Speyer und Schifferstadt haben einen gemeinsamen behördlichen "
            "Datenschutzbeauftragten bestellt. Er berät bei Fachverfahren, Videoüberwachung, "
            "Beschäftigtendatenschutz und Auskunftsersuchen, erstellt Schulungsvideos für neue "
            "Mitarbeitende und prüft Auftragsverarbeitungen. Die Stelle ist in Speyer angesiedelt; "
            "Schifferstadt erstattet die anteiligen Kosten. Für Beschäftigte gibt es feste Sprechstunden "
            "in beiden Rathäusern und ein gemeinsames Postfach für Anfragen. Meldungen von Datenpannen "
            "an die Aufsichtsbehörde bereitet er innerhalb der gesetzlichen Frist vor. Einmal im Jahr "
            "legt er den Räten einen gemeinsamen Tätigkeitsbericht vor."
        ),
        "participants": ["Speyer", "Schifferstadt"],
        "lead": "Speyer",
        "state": "RP",
        "taskAreas": ["01"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2019-02-01",
        "lessonsLearned": "Schulungsvideos erreichen mehr Beschäftigte als Präsenzschulungen.",
        "transferability": "Für jede Paarung einer Mittelstadt mit einer Nachbarstadt.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Datenschutzbeauftragter", "Datenschutz", "DSGVO", "Schulung"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Dorfladen- und Mitfahrnetz Vulkaneifel",
        "description": (
            "Die Städte Daun, Gerolstein und Hillesheim erproben gemeinsam digitale Nahversorgung: "
            "Bestellungen aus Dorfläden und Hofläden werden über eine Plattform gesammelt und von "
            "Ehrenamtlichen auf festen Touren ausgeliefert; wer mitfahren möchte, bucht einen Platz. Die "
            "Plattform verbindet Angebote aus Dutzenden Dörfern. Eine Koordinatorin unterstützt "
            "Ehrenamtliche und Händler. Die Verbandsgemeinden der Region sind als Partner eingebunden "
            "und werben in ihren Ortsgemeinden für das Angebot."
        ),
        "participants": ["Daun", "Gerolstein", "Hillesheim|Vulkaneifel"],
        "lead": "Daun",
        "state": "RP",
        "taskAreas": ["15", "12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2023-05-01",
        "fundingProgramme": "LEADER Vulkaneifel",
        "outcomeFigures": [{"label": "Angebundene Dorf- und Hofläden", "value": 23, "unit": "Läden"}],
        "lessonsLearned": "Lieferung und Mitfahren zu kombinieren, macht feste Touren wirtschaftlicher.",
        "transferability": "Für dünn besiedelte Regionen mit vielen kleinen Orten.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Nahversorgung", "Dorfladen", "Mitfahren", "Ehrenamt", "Smart Village"],
    },
    # ------------------------------------------------------------------ Bayern
    {
        "type": "sharedServiceCenter",
        "title": "Lohn- und Gehaltsabrechnung Germering für Puchheim und Gröbenzell",
        "description": (
            "Die Große Kreisstadt Germering rechnet per Zweckvereinbarung Löhne, Gehälter und "
            "Beamtenbezüge auch für die Stadt Puchheim und die Gemeinde Gröbenzell ab. Die Partner "
            "liefern Stammdatenänderungen bis zu einem festen Stichtag; Germering übernimmt Abrechnung, "
            "Meldewesen und die Bescheinigungen für Beschäftigte. Ein gemeinsames Handbuch regelt "
            "Zulagen, Jobticket und Zeitwertkonten einheitlich. Die Kosten werden pro Abrechnungsfall "
            "erstattet. Rückfragen der Beschäftigten beantwortet ein gemeinsames Servicetelefon."
        ),
        "participants": ["Germering", "Puchheim", "Gröbenzell"],
        "lead": "Germering",
        "state": "BY",
        "taskAreas": ["01"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2018-01-01",
        "lessonsLearned": "Einheitliche Regeln zu Zulagen müssen vor dem Start in allen Räten beschlossen sein.",
        "transferability": "Für Umlandkommunen großer Städte mit gleichem Abrechnungsverfahren.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Germering, Personalabrechnung", "email": "personal@germering.example"},
        "keywords": ["Lohnabrechnung", "Gehaltsabrechnung", "Bezügeabrechnung", "Zweckvereinbarung"],
    },
    {
        "title": "Gemeinsames Kommunalunternehmen Wasserversorgung Ampertal",
        "description": (
            "Olching, Maisach und Emmering haben ihre Wasserversorgung in einem gemeinsamen "
            "Kommunalunternehmen gebündelt. Es betreibt Brunnen, Aufbereitung und Netz, investiert in "
            "einen zweiten Hochbehälter und vernetzt die bisher getrennten Netze, damit bei Störungen "
            "Wasser aus dem Nachbarnetz geliefert werden kann. Ein gemeinsamer Verwaltungsrat mit "
            "Vertretern aller drei Kommunen steuert das Unternehmen. Die Wasserpreise wurden über fünf "
            "Jahre angeglichen."
        ),
        "participants": ["Olching", "Maisach", "Emmering|Fürstenfeldbruck"],
        "lead": "Olching",
        "state": "BY",
        "taskAreas": ["11"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2013-01-01",
        "lessonsLearned": "Die Netzverbindung war die wichtigste Investition für die Versorgungssicherheit.",
        "transferability": "Für benachbarte Gemeinden mit eigenen, kleinen Wasserversorgungen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "website": "https://www.olching.de/",
        "keywords": ["Wasserversorgung", "Trinkwasser", "gemeinsames Kommunalunternehmen", "Versorgungssicherheit"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Vergabezentrale Ebersberger Land",
        "description": (
            "Grafing bei München, Ebersberg, Kirchseeon und Zorneding haben eine gemeinsame "
            "Vergabezentrale gegründet, die als gemeinsames Kommunalunternehmen organisiert ist. Sie "
            "führt EU-weite und nationale Vergabeverfahren durch, betreut die Vergabeplattform und "
            "bietet Schulungen für Fachabteilungen an. Für Planungsleistungen nach der Vergabeverordnung "
            "gibt es eine eigene Spezialistin. Die Kommunen zahlen eine Grundumlage und eine "
            "Fallpauschale."
        ),
        "participants": ["Grafing b.München", "Ebersberg", "Kirchseeon", "Zorneding"],
        "lead": "Ebersberg",
        "state": "BY",
        "taskAreas": ["01"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2021-01-01",
        "outcomeFigures": [{"label": "Durchgeführte Vergabeverfahren", "value": 185, "unit": "Verfahren/Jahr"}],
        "lessonsLearned": "Eine Fallpauschale macht Kosten transparent und verhindert Trittbrettfahrer.",
        "transferability": "Für Gemeindegruppen mit vielen Bauvorhaben.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "in-pruefung",
        "keywords": ["Vergabestelle", "Vergabezentrale", "EU-Vergabe", "Kommunalunternehmen"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Energiemonitoring Vaterstetten, Poing und Markt Schwaben",
        "description": (
            "Smarte Zähler in Schulen, Hallen und Rathäusern melden Strom-, Wärme- und Wasserverbrauch "
            "im Viertelstundentakt an eine gemeinsame Plattform. Vaterstetten, Poing und Markt Schwaben "
            "vergleichen ihre Gebäude, erkennen Fehlfunktionen von Heizungsanlagen und steuern Lüftung "
            "und Beleuchtung bedarfsgerecht. Die Daten fließen auch in die kommunalen Energieberichte "
            "und werden für Schülerprojekte zum Energiesparen genutzt. Die Hausmeister erhalten "
            "Warnmeldungen aufs Smartphone."
        ),
        "participants": ["Vaterstetten", "Poing", "Markt Schwaben"],
        "lead": "Vaterstetten",
        "state": "BY",
        "taskAreas": ["01", "14"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2022-10-01",
        "outcomeFigures": [{"label": "Angebundene kommunale Gebäude", "value": 47, "unit": "Gebäude"}],
        "lessonsLearned": "Schülerprojekte machen Energiedaten anschaulich und senken den Verbrauch zusätzlich.",
        "transferability": "Für Kommunen mit vielen mittelgroßen Liegenschaften.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Energiemonitoring", "Energiemanagement", "Smart Meter", "Schulen", "Smart City"],
    },
    {
        "title": "Maschinenring der Bauhöfe im Bamberger Land",
        "description": (
            "Hallstadt, Bischberg, Oberhaid und Memmelsdorf teilen Maschinen und Personal ihrer Bauhöfe "
            "nach dem Vorbild landwirtschaftlicher Maschinenringe. Ein Online-Buchungskalender zeigt, "
            "welches Gerät wo verfügbar ist; abgerechnet wird über feste Verrechnungssätze. Bei "
            "Großereignissen wie Hochwasser oder Sturm helfen sich die Kolonnen gegenseitig. "
            "Neuanschaffungen werden in der Allianz abgestimmt. Die Koordination übernimmt der Bauhof "
            "Hallstadt. Zweimal im Jahr treffen sich die Bauhofleiter zur Planung."
        ),
        "participants": ["Hallstadt", "Bischberg", "Oberhaid", "Memmelsdorf"],
        "lead": "Hallstadt",
        "state": "BY",
        "taskAreas": ["12"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2017-05-01",
        "lessonsLearned": "Feste Verrechnungssätze sind einfacher als jede Stundenabrechnung nach Einzelkosten.",
        "transferability": "Für Gemeinden einer Allianz mit ähnlichen Bauhofaufgaben.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "in-pruefung",
        "keywords": ["Bauhof", "Maschinenring", "Geräteteilung", "Buchungskalender"],
    },
    {
        "title": "Zweckverband Stadt-Umland-Bus Bamberg",
        "description": (
            "Die Stadt Bamberg und die Umlandgemeinden Hallstadt und Stegaurach finanzieren über einen "
            "Zweckverband verdichtete Buslinien zwischen Stadt und Umland. Der Verband bestellt die "
            "Leistungen beim Verkehrsunternehmen, stimmt Fahrpläne mit Schulzeiten ab und beteiligt sich "
            "an neuen Haltestellen mit Fahrradabstellanlagen. Die Kosten werden nach Fahrplankilometern "
            "im jeweiligen Gemeindegebiet verteilt. Fahrgastzahlen werden jährlich ausgewertet und im "
            "Verbandsausschuss beraten."
        ),
        "participants": ["Bamberg", "Hallstadt", "Stegaurach"],
        "lead": "Bamberg",
        "state": "BY",
        "taskAreas": ["12"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2011-12-01",
        "lessonsLearned": "Schulzeiten bestimmen den Fahrplan im Umland – Schulen früh einbeziehen.",
        "transferability": "Für Oberzentren mit eng verflochtenen Umlandgemeinden.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["ÖPNV", "Busverkehr", "Stadt-Umland", "Zweckverband"],
    },
    {
        "title": "Mobile Jugendarbeit im Rottal",
        "description": (
            "Ein umgebauter Bus fährt an festen Tagen in die Ortsteile von Pfarrkirchen, Eggenfelden, "
            "Gangkofen und Massing. Zwei Sozialpädagogen bieten dort offene Jugendarbeit, Beratung und "
            "Freizeitangebote an, wo es keinen Jugendtreff gibt. Die Gemeinden finanzieren Personal und "
            "Fahrzeug gemeinsam; die Jugendpflege des Landkreises begleitet das Angebot fachlich. "
            "Jugendliche gestalten das Programm über einen Jugendbeirat mit."
        ),
        "participants": ["Pfarrkirchen", "Eggenfelden", "Gangkofen", "Massing"],
        "lead": "Pfarrkirchen",
        "state": "BY",
        "taskAreas": ["06"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2019-05-01",
        "lessonsLearned": "Feste Haltetage und Verlässlichkeit sind wichtiger als ein großes Programm.",
        "transferability": "Für Flächengemeinden ohne Jugendtreffs in den Ortsteilen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Jugendarbeit", "mobile Jugendarbeit", "ländlicher Raum", "Jugendbeteiligung"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Standesamt Rottal-Süd",
        "description": (
            "Simbach a.Inn, Ering, Stubenberg und Julbach haben per Zweckvereinbarung ein gemeinsames "
            "Standesamt in Simbach am Inn eingerichtet. Da viele Ehen mit österreichischer Beteiligung "
            "geschlossen werden, ist Erfahrung mit ausländischem Personenstandsrecht besonders gefragt. "
            "Das Team kooperiert eng mit dem Standesamt der österreichischen Nachbarstadt. Getraut wird "
            "in allen vier Gemeinden. Die Gemeinden erstatten die Kosten nach Einwohnerzahl. Urkunden "
            "können online bestellt werden."
        ),
        "participants": ["Simbach a.Inn", "Ering", "Stubenberg", "Julbach"],
        "lead": "Simbach a.Inn",
        "state": "BY",
        "taskAreas": ["02"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2016-01-01",
        "lessonsLearned": "Grenznahe Standesämter profitieren besonders von spezialisiertem Wissen zu Auslandsfällen.",
        "transferability": "Für Grenzgemeinden mit vielen binationalen Eheschließungen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Standesamt", "Eheschließung", "Auslandsbezug", "Zweckvereinbarung"],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Datenschutz- und Informationssicherheitsverbund Eichenau, Puchheim und Gröbenzell",
        "description": (
            "Datenschutz und Informationssicherheit hängen eng zusammen. Eichenau, Puchheim und "
            "Gröbenzell haben deshalb eine gemeinsame Stelle geschaffen, die beide Funktionen abdeckt: "
            "einen Datenschutzbeauftragten und eine Informationssicherheitsbeauftragte. Sie führen "
            "gemeinsame Risikoanalysen durch, pflegen Verzeichnisse und Sicherheitskonzepte und bereiten "
            "die Gemeinden auf Prüfungen vor. Die Ergebnisse der Risikoanalysen werden nur im Netzwerk "
            "geteilt. Die Stellen sind bei der Stadt Puchheim angesiedelt."
        ),
        "participants": ["Eichenau", "Puchheim", "Gröbenzell"],
        "lead": "Puchheim",
        "state": "BY",
        "taskAreas": ["01"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2020-10-01",
        "lessonsLearned": "Datenschutz und Informationssicherheit im Tandem vermeiden doppelte Bestandsaufnahmen.",
        "transferability": "Für kleine Kommunen, die beide Pflichtrollen nicht allein besetzen können.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "visibility": "network",
        "keywords": ["Datenschutz", "Informationssicherheit", "Datenschutzbeauftragter", "ISMS"],
    },
    {
        "title": "Stiftung Kulturerbe Steigerwald",
        "description": (
            "Ebrach, Burgebrach und Schlüsselfeld haben gemeinsam eine Stiftung gegründet, die "
            "Baudenkmäler, Klosterlandschaft und Handwerkstraditionen des Steigerwalds fördert. Das "
            "Stiftungskapital stammt aus kommunalen Einlagen und Zustiftungen von Bürgern. Die Stiftung "
            "vergibt Zuschüsse für Sanierungen privater Denkmäler, finanziert Führungen und ein "
            "jährliches Kulturfestival. Verwaltet wird sie ehrenamtlich mit Unterstützung der Kämmerei "
            "Burgebrach. Über die Förderanträge entscheidet ein Kuratorium."
        ),
        "participants": ["Burgebrach", "Ebrach", "Schlüsselfeld"],
        "lead": "Burgebrach",
        "state": "BY",
        "taskAreas": ["17", "04"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2012-09-01",
        "outcomeFigures": [{"label": "Geförderte Denkmalsanierungen", "value": 37, "unit": "Projekte"}],
        "lessonsLearned": "Zustiftungen von Bürgern wachsen, wenn geförderte Projekte sichtbar gemacht werden.",
        "transferability": "Für Gemeinden mit gemeinsamem kulturellen Erbe.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Stiftung", "Denkmalpflege", "Kulturerbe", "Steigerwald"],
    },
    # ------------------------------------------------------------------ Baden-Württemberg
    {
        "title": "Gemeinsamer Gutachterausschuss Strohgäu",
        "description": (
            "Ditzingen, Gerlingen, Korntal-Münchingen, Schwieberdingen und Hemmingen haben ihre "
            "Gutachterausschüsse für Grundstückswerte zusammengelegt. Die Geschäftsstelle in Ditzingen "
            "wertet Kaufverträge aus, ermittelt Bodenrichtwerte und erstellt Verkehrswertgutachten. "
            "Durch die größere Zahl an Kauffällen sind die Auswertungen statistisch belastbarer. Der "
            "Grundstücksmarktbericht erscheint für alle fünf Kommunen gemeinsam. Die Gutachterinnen und "
            "Gutachter kommen aus allen fünf Kommunen. Anträge auf Verkehrswertgutachten können online "
            "gestellt werden, die Gebühren sind einheitlich geregelt."
        ),
        "participants": ["Ditzingen", "Gerlingen", "Korntal-Münchingen", "Schwieberdingen", "Hemmingen|BW"],
        "lead": "Ditzingen",
        "state": "BW",
        "taskAreas": ["09", "10"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "outcomeFigures": [{"label": "Ausgewertete Kaufverträge", "value": 1250, "unit": "Verträge/Jahr"}],
        "lessonsLearned": "Mehr Kauffälle bedeuten belastbarere Bodenrichtwerte – ein starkes Argument für die Bündelung.",
        "transferability": "Für Gemeinden mit zu wenigen Kauffällen für eigene Auswertungen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "website": "https://www.ditzingen.de/",
        "keywords": ["Gutachterausschuss", "Bodenrichtwert", "Grundstücksmarkt", "Wertermittlung"],
    },
    {
        "title": "Zweckverband Gewerbegebiet Marbach, Benningen und Freiberg",
        "description": (
            "Die Städte Marbach am Neckar und Freiberg am Neckar und die Gemeinde Benningen wollen ein "
            "gemeinsames Gewerbegebiet entwickeln, weil keine von ihnen allein noch geeignete Flächen "
            "hat. Vorgesehen ist ein Zweckverband, der Planung, Grunderwerb, Erschließung und "
            "Vermarktung übernimmt. Eine Machbarkeitsstudie hat zwei Standortvarianten untersucht; nun "
            "laufen Gespräche mit Eigentümern und dem Regionalverband."
        ),
        "participants": ["Marbach am Neckar", "Benningen am Neckar", "Freiberg am Neckar"],
        "lead": "Marbach am Neckar",
        "state": "BW",
        "taskAreas": ["15", "09"],
        "legalForm": "zweckverband",
        "status": "geplant",
        "startDate": "2026-07-01",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "keywords": ["Gewerbegebiet", "Zweckverband", "Flächenentwicklung", "Regionalplanung"],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Wanderwegeplattform Welzheimer Wald",
        "description": (
            "Welzheim, Kaisersbach und Alfdorf pflegen ihre Wanderwege, Grillplätze und Schutzhütten in "
            "einer gemeinsamen digitalen Plattform. Wegewarte melden Schäden per App, die Bauhöfe sehen "
            "Meldungen auf einer Karte und arbeiten sie ab. Gäste finden aktuelle Sperrungen und "
            "Tourenvorschläge online. Zählgeräte an Wanderparkplätzen liefern Daten für die "
            "Besucherlenkung. Die Kosten für Plattform und Zählgeräte teilen sich die Gemeinden zu "
            "gleichen Teilen. Der Naturpark unterstützt bei der Pflege der Tourenbeschreibungen."
        ),
        "participants": ["Welzheim", "Kaisersbach", "Alfdorf"],
        "lead": "Welzheim",
        "state": "BW",
        "taskAreas": ["15", "13"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "im-betrieb",
        "startDate": "2021-04-01",
        "lessonsLearned": "Ehrenamtliche Wegewarte nutzen die App gern, wenn sie sehen, dass Meldungen erledigt werden.",
        "transferability": "Für Tourismusgemeinden mit großen Wegenetzen.",
        "digitalDelivery": "vollstaendig-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Wanderwege", "Tourismus", "Mängelmelder", "Besucherlenkung", "Smart City"],
    },
    {
        "title": "Doppik-Umstellung im Weissacher Tal",
        "description": (
            "Weissach im Tal, Allmersbach im Tal und Auenwald haben die Umstellung ihres Haushaltswesens "
            "auf die kommunale Doppik gemeinsam bewältigt. Im Rahmen ihrer Verwaltungsgemeinschaft "
            "wurden Vermögen erfasst und bewertet, Eröffnungsbilanzen erstellt und Produkthaushalte nach "
            "einheitlichem Muster aufgebaut. Ein externer Berater begleitete die Arbeitsgruppe. Nach den "
            "ersten geprüften Jahresabschlüssen wurde das Projekt beendet; die Kämmereien tauschen sich "
            "weiter aus."
        ),
        "participants": ["Weissach im Tal", "Allmersbach im Tal", "Auenwald"],
        "lead": "Weissach im Tal",
        "state": "BW",
        "taskAreas": ["16", "01"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2017-01-01",
        "endDate": "2021-12-31",
        "lessonsLearned": "Die Vermögensbewertung war der aufwendigste Teil – gemeinsame Bewertungsrichtlinien helfen.",
        "transferability": "Für Kommunen, die große Reformen im Haushaltswesen noch vor sich haben.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Doppik", "Kämmerei", "Haushaltswesen", "Eröffnungsbilanz"],
    },
    {
        "title": "Gemeinsame Waldbewirtschaftung Dreisamtal",
        "description": (
            "Kirchzarten, Stegen, Buchenbach und Oberried bewirtschaften ihren Gemeindewald gemeinsam. "
            "Ein Revierförster und ein gemeinsames Forstteam übernehmen Holzeinschlag, Wegeunterhaltung "
            "und Verkehrssicherung. Holz wird gebündelt vermarktet, was bessere Preise bringt. "
            "Klimaangepasster Waldumbau mit Mischbaumarten und die Pflege von Erholungswald sind "
            "Schwerpunkte der gemeinsamen Forsteinrichtung. Die Gemeinderäte beschließen jährlich einen "
            "gemeinsamen Wirtschaftsplan für den Wald. Erlöse und Kosten werden nach Waldfläche "
            "verteilt, Brennholz für Bürger verkauft jede Gemeinde weiterhin selbst."
        ),
        "participants": ["Kirchzarten", "Stegen", "Buchenbach", "Oberried"],
        "lead": "Kirchzarten",
        "state": "BW",
        "taskAreas": ["13"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2020-01-01",
        "lessonsLearned": "Gebündelte Holzvermarktung gleicht die Schwankungen einzelner Reviere aus.",
        "transferability": "Für waldreiche Gemeinden nach der Forstreform.",
        "digitalDelivery": "analog",
        "vat2b": "steuerpflichtig",
        "website": "https://www.kirchzarten.de/",
        "keywords": ["Forst", "Gemeindewald", "Waldumbau", "Holzvermarktung"],
    },
    {
        "title": "Wärmeplanung Kaiserstuhl",
        "description": (
            "Ihringen, Vogtsburg im Kaiserstuhl, Bötzingen, Eichstetten am Kaiserstuhl und Breisach am "
            "Rhein erstellen ihre Wärmepläne im Konvoi. Weinbau und Kellereien bieten Abwärmepotenziale, "
            "Rebschnitt könnte in Heizzentralen genutzt werden. Ein gemeinsamer Dienstleister erhebt die "
            "Daten, jede Gemeinde erhält ihren eigenen Plan. Eine Energieagentur berät Hausbesitzer in "
            "allen fünf Orten. Die Ergebnisse werden in allen fünf Gemeinden öffentlich vorgestellt."
        ),
        "participants": ["Breisach am Rhein", "Ihringen", "Vogtsburg im Kaiserstuhl", "Bötzingen", "Eichstetten am Kaiserstuhl"],
        "lead": "Breisach am Rhein",
        "state": "BW",
        "taskAreas": ["14"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "startDate": "2024-02-01",
        "fundingProgramme": "Förderprogramm Kommunale Wärmeplanung Baden-Württemberg",
        "lessonsLearned": "Im Konvoi sinken die Kosten pro Gemeinde deutlich.",
        "transferability": "Für kleine Gemeinden mit freiwilliger Wärmeplanung.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-relevant",
        "keywords": ["Wärmeplanung", "Konvoi", "Abwärme", "Biomasse"],
    },
    {
        "title": "Hafenverwaltung Bodensee-Nordufer",
        "description": (
            "Meersburg, Hagnau am Bodensee, Immenstaad am Bodensee und Uhldingen-Mühlhofen betreiben "
            "ihre Sportboot- und Fährhäfen über eine gemeinsame Kommunalanstalt. Sie vergibt Liegeplätze "
            "über eine gemeinsame Warteliste, kassiert Gebühren, unterhält Stege und Slipanlagen und "
            "organisiert die Ausbaggerung. Für Gäste gibt es ein Online-Buchungssystem für "
            "Gastliegeplätze. Die Gemeinden sind im Verwaltungsrat gleichberechtigt vertreten. "
            "Überschüsse fließen in die Sanierung der Hafenanlagen, die nach Hochwassern regelmäßig "
            "nötig wird."
        ),
        "participants": ["Meersburg", "Hagnau am Bodensee", "Immenstaad am Bodensee", "Uhldingen-Mühlhofen"],
        "lead": "Meersburg",
        "state": "BW",
        "taskAreas": ["12", "15"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "2017-04-01",
        "lessonsLearned": "Eine gemeinsame Warteliste beendete Mehrfachanmeldungen und Beschwerden.",
        "transferability": "Für Uferkommunen an Seen und Flüssen.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "steuerpflichtig",
        "website": "https://www.meersburg.de/",
        "keywords": ["Hafen", "Liegeplätze", "Bodensee", "Kommunalanstalt", "Tourismus"],
    },
    {
        "title": "Gemeindevollzugsdienst Steinlach-Wiesaz",
        "description": (
            "Mössingen stellt den Gemeindevollzugsdienst auch für Ofterdingen, Nehren und Dußlingen. Die "
            "Vollzugsbediensteten überwachen den ruhenden Verkehr, kontrollieren Hundehaltung und "
            "Sondernutzungen und unterstützen bei Veranstaltungen. Einsätze in den Partnergemeinden "
            "werden nach einem monatlichen Plan und auf Abruf erbracht. Die Partner zahlen eine "
            "Stundenpauschale. Bußgeldverfahren bearbeitet die jeweilige Gemeinde selbst. Die "
            "Vollzugsbediensteten tragen in allen Gemeinden dieselbe Dienstkleidung, was die Akzeptanz "
            "erhöht hat."
        ),
        "participants": ["Mössingen", "Ofterdingen", "Nehren", "Dußlingen"],
        "lead": "Mössingen",
        "state": "BW",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2018-03-01",
        "lessonsLearned": "Ein Monatsplan plus Abrufkontingent bietet Verlässlichkeit und Flexibilität.",
        "transferability": "Für kleine Gemeinden neben einer Stadt mit eigenem Vollzugsdienst.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-steuerbar",
        "contact": {"organisation": "Stadt Mössingen, Ordnungsamt", "email": "ordnungsamt@moessingen.example"},
        "keywords": ["Gemeindevollzugsdienst", "Ordnungsamt", "ruhender Verkehr", "Landkreis Tübingen"],
    },
    {
        "title": "Sportentwicklungsplanung Tübingen, Kusterdingen und Kirchentellinsfurt",
        "description": (
            "Die Universitätsstadt Tübingen und die Nachbarn Kusterdingen und Kirchentellinsfurt haben "
            "ihre Sportentwicklungsplanung gemeinsam erarbeitet. Eine Befragung von Vereinen, Schulen "
            "und Bürgern zeigte Bedarfe an Hallenzeiten, Bewegungsräumen im Freien und Angeboten für "
            "Ältere. Ergebnis ist ein abgestimmtes Investitionsprogramm, das etwa eine gemeinsam "
            "genutzte Kunstrasenanlage vorsieht. Die Planung ist abgeschlossen, die Umsetzung liegt bei "
            "den einzelnen Kommunen."
        ),
        "participants": ["Tübingen", "Kusterdingen", "Kirchentellinsfurt"],
        "lead": "Tübingen",
        "state": "BW",
        "taskAreas": ["08"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "abgeschlossen",
        "startDate": "2021-05-01",
        "endDate": "2023-04-30",
        "outcomeFigures": [{"label": "Befragte Vereinsmitglieder und Bürger", "value": 3400, "unit": "Personen"}],
        "lessonsLearned": "Gemeinsame Befragungen liefern ein realistischeres Bild, weil Sportler nicht an Gemeindegrenzen trainieren.",
        "transferability": "Für Städte mit Umlandgemeinden, deren Vereine gemeinsam Anlagen nutzen.",
        "digitalDelivery": "analog",
        "vat2b": "nicht-relevant",
        "keywords": ["Sportentwicklungsplanung", "Sportstätten", "Vereine", "Bewegungsräume"],
    },
    {
        "title": "Volkshochschul-Außenstellen im Bottwartal",
        "description": (
            "Großbottwar, Oberstenfeld und Steinheim an der Murr betreiben ihre "
            "Volkshochschul-Außenstellen über einen gemeinsamen Verein. Das Programm wird zweimal im "
            "Jahr abgestimmt, damit nicht in allen drei Orten derselbe Yogakurs angeboten wird. "
            "Kursleitungen werden gemeinsam gewonnen, die Anmeldung läuft über ein gemeinsames "
            "Online-Portal. Die Gemeinden stellen Räume in Schulen und Bürgerhäusern kostenlos zur "
            "Verfügung."
        ),
        "participants": ["Großbottwar", "Oberstenfeld", "Steinheim an der Murr"],
        "lead": "Steinheim an der Murr",
        "state": "BW",
        "taskAreas": ["04"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2009-09-01",
        "lessonsLearned": "Abgestimmte Programme vermeiden Konkurrenz um dieselben Teilnehmenden.",
        "transferability": "Für kleine Gemeinden mit eigenen VHS-Angeboten.",
        "digitalDelivery": "teilweise-digital",
        "vat2b": "nicht-steuerbar",
        "keywords": ["Volkshochschule", "Weiterbildung", "Verein", "Kursprogramm"],
    },
]
