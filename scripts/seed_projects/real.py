"""Real cooperation examples with public sources (seed_data/projects/real.json).

Only facts stated in the cited sources are used; no figures are invented, and figures taken from
a source say so in their label ("laut ...") or carry the year they refer to.

Judgement calls, because the sources do not state them explicitly:
- legalForm: where a source does not name the legal form, the closest form is chosen (the
  öffentlich-rechtliche Vereinbarung subtypes in particular are our classification): Hellweg,
  BVLA, ServiceCenter (ÖRV named, subtype ours), Nordlippe agenda items, Untere Lenne, Schleiden,
  Korbach/Diemelsee, Reinfeld, Werra-Meißner, Saarland, Werntal, Hagenbach/Kandel/Wörth,
  Medebach/Winterberg, Kreis Mettmann 115, Info-Line Düsseldorf.
- status: the state described by the newest source (e.g. "in-umsetzung" for the Bad Sassendorf
  Fachstelle, which the 2023 motion still called planned but Interkommunales.NRW describes as set up).
"""

from __future__ import annotations

from seed_projects.build import Org

# Landtag NRW, Antrag der Fraktionen CDU und BÜNDNIS 90/DIE GRÜNEN "Interkommunale
# Zusammenarbeit: Stärkung von Effizienz und Innovation durch Shared-Service-Center" (2023);
# full text published by the Green parliamentary group (Drucksache number not found).
MOTION = (
    "https://gruene-fraktion-nrw.de/parlament/"
    "interkommunale-zusammenarbeit-staerkung-von-effizienz-und-innovation-durch-shared-service-center"
)
MOTION_PRESS = "https://gruene-fraktion-nrw.de/?p=49299"
DIGITAL_MODEL_REGIONS = (
    "https://digitales.nrw/de/aktuelles/foerderbekanntmachungen/richtlinie-ueber-die-gewaehrung-von-zuwendungen-zur-foerderung-von"
)
MARKTOWL = (
    "https://marktowl.de/artikel-startseite?tx_news_pi1%5Baction%5D=detail"
    "&tx_news_pi1%5Bcontroller%5D=News&tx_news_pi1%5Bnews%5D=4820"
    "&cHash=171b55be2604a66c86f2bc6a7d44c7c0"
)
DIGITAL_MODEL_REGIONS_END = "https://www.gkdpb.de/de/aktuelles/meldungen/Digitale-Modellregionen-setzen-Impulse.php"

ENTRIES = [
    # ------------------------------------------------------------------ examples in the motion
    {
        "type": "sharedServiceCenter",
        "title": "Standesamtverbund Hellweg",
        "description": (
            "Die Stadt Erwitte und die Gemeinden Anröchte und Bad Sassendorf im Kreis Soest haben ihre "
            "drei Standesämter zum gemeinsamen Standesamt Hellweg mit Sitz in Erwitte zusammengelegt. "
            "Die Sachbearbeitung im Personenstandswesen – Beurkundungen, Anmeldungen zur Eheschließung, "
            "Urkunden – wird im Verbund gebündelt und soll durchgängig digitalisiert werden, damit "
            "Bürgerinnen und Bürger ihre Anliegen möglichst unabhängig von Ort und Zeit erledigen "
            "können. Trauungen finden weiterhin in allen drei Kommunen statt; in Anröchte etwa bleibt "
            "das Trauzimmer im Rathaus erhalten, obwohl die Gemeinde kein eigenes Standesamt mehr führt. "
            "Das Land Nordrhein-Westfalen fördert den Verbund; die Bezirksregierung Arnsberg übergab den "
            "Förderbescheid und bezeichnete das Vorhaben als Modellprojekt für kleinere Gemeinden. Der "
            "Landtagsantrag zu Shared-Service-Centern nennt den Verbund als Beispiel für Synergien und "
            "digitalisierte Prozesse."
        ),
        "participants": ["Erwitte", "Anröchte", "Bad Sassendorf"],
        "lead": "Erwitte",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2023",
        "fundingProgramme": "Förderung der interkommunalen Zusammenarbeit des Landes NRW",
        "outcomes": (
            "Drei Ziele laut Projektbeteiligten: moderne Ausrichtung mit digitalen Prozessen, "
            "Bündelung der Personalkapazitäten für die komplexe Standesamtsmaterie und mehr "
            "Service für individuelle Trauungen vor Ort."
        ),
        "lessonsLearned": (
            "Die Entlastung der Hintergrundsachbearbeitung schafft Raum für den Trauservice; "
            "Trauorte in allen Partnerkommunen zu erhalten, sichert die Akzeptanz vor Ort."
        ),
        "transferability": (
            "Vom Regierungspräsidenten als Vorbild für die zahlreichen kleineren Gemeinden im Regierungsbezirk und im Land bezeichnet."
        ),
        "keywords": ["Standesamt", "Personenstandswesen", "Eheschließung", "Digitalisierung", "Kreis Soest"],
        "sources": [
            MOTION,
            "https://bra.nrw.de/presse/interkommunale-zusammenarbeit",
            "https://www.anroechte.de/wohnen-leben/aktuelles/detailseite/standesbeamte-innen-erobern-anroechter-fotopoint",
        ],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Bergisches Veterinär- und Lebensmittelüberwachungsamt (BVLA)",
        "description": (
            "Remscheid, Solingen und Wuppertal haben ihre Veterinär- und Lebensmittelüberwachungsämter "
            "2010 zum Bergischen Veterinär- und Lebensmittelüberwachungsamt mit Sitz an der Dorper "
            "Straße in Solingen zusammengelegt. Das Amt kontrolliert Lebensmittelbetriebe, Gastronomie "
            "und Handel, nimmt Proben, überwacht Kosmetika, Tabak und Bedarfsgegenstände, bearbeitet "
            "Verbraucherbeschwerden und ist für Tierseuchenbekämpfung, Tierschutz und Vorgänge nach dem "
            "Landeshundegesetz zuständig. Beim Start wurden 33 Beschäftigte aus Remscheid, Wuppertal und "
            "Solingen an einem Standort zusammengeführt; später arbeiteten laut Stadt Solingen 38 "
            "Beschäftigte für die drei Großstädte. In Wuppertal blieb eine Anlaufstelle im Rathaus "
            "Barmen für die Abgabe von Proben und Meldungen erhalten. Die jährlichen Erfahrungsberichte "
            "dokumentieren Kontrollen, Proben und Maßnahmen für das gesamte Städtedreieck."
        ),
        "participants": ["Solingen", "Remscheid", "Wuppertal"],
        "lead": "Solingen",
        "state": "NW",
        "taskAreas": ["02", "07"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2010",
        "outcomes": (
            "Laut Jahresbericht 2012 wurden die finanziellen Erwartungen erfüllt; Einsparungen vor "
            "allem in der Verwaltung, Synergien bei den Amtstierärzten und mehr gebührenpflichtige "
            "Kontrollen dank besserer Personalausstattung."
        ),
        "outcomeFigures": [
            {"label": "Überwachte Betriebe im Städtedreieck (31.12.2014)", "value": 9351, "unit": "Betriebe"},
            {"label": "Kontrollen im Jahr 2014", "value": 5182, "unit": "Kontrollen"},
        ],
        "lessonsLearned": (
            "Ein gemeinsamer Standort bündelt Fachwissen; für Bürgerkontakte, die vor Ort "
            "bleiben sollen, braucht es Anlaufstellen in den Partnerstädten."
        ),
        "transferability": "Der Leiter des Amtes bezeichnete die Zusammenarbeit der drei Großstädte als vorbildhaft.",
        "keywords": ["Veterinäramt", "Lebensmittelüberwachung", "Verbraucherschutz", "Tierseuchen", "Bergisches Städtedreieck"],
        "sources": [
            MOTION,
            "https://wuppertal.de/rathaus-buergerservice/sicherheit_ordnung/ordnungsdienst/102370100000154523.php",
            "https://www.solingen.de/de/aktuelles/lebensmittelkontrolleure-beantworten-buergerfragen/",
            "https://wz.de./nrw/wuppertal/gemeinsames-veterinaeramt-im-staedtedreieck-rechnet-sich_aid-29829033",
            "https://www.waterboelles.de/archives/19486-Kontrollen-fuehrten-zu-72-Ordnungsverfuegungen.html",
        ],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Bergisches ServiceCenter – interkommunale Telefon-Service-Zentrale",
        "description": (
            "Das ServiceCenter in Wuppertal-Barmen nimmt telefonische Anfragen an die Stadtverwaltungen "
            "des Bergischen Städtedreiecks entgegen und beantwortet sie möglichst abschließend auf "
            "Grundlage einer gemeinsamen, laufend gepflegten Wissensdatenbank. Es wurde 2008 zunächst "
            "für Wuppertal eingerichtet; 2009 schloss sich Remscheid an, 2010 folgte Solingen als "
            "dritter Partner. Grundlage ist eine öffentlich-rechtliche Vereinbarung, der die Räte der "
            "Städte zugestimmt haben. Die Beschäftigten sind so geschult, dass sie Fragen zu allen "
            "Partnerstädten beantworten können; die gewohnten Rufnummern der Städte bleiben bestehen. "
            "Das ServiceCenter ist montags bis freitags von 7 bis 19 Uhr erreichbar, Anfragen sind auch "
            "per E-Mail möglich. Mit dem Beitritt Solingens arbeiteten dort 50 Beschäftigte. Der "
            "Landtagsantrag nennt die interkommunale Telefon-Service-Zentrale als Beispiel für besseren "
            "Service durch gemeinsame Aufgabenwahrnehmung."
        ),
        "participants": ["Wuppertal", "Remscheid", "Solingen"],
        "lead": "Wuppertal",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2008",
        "outcomes": (
            "Bessere telefonische Erreichbarkeit und Servicequalität ohne Mehrkosten; laut Stadt "
            "Wuppertal werden rund drei Viertel der Anrufe abschließend bearbeitet."
        ),
        "outcomeFigures": [
            {
                "label": "Einsparung durch Bündelung des Telefonverkehrs mit Remscheid (laut Stadt Wuppertal)",
                "value": 350000,
                "unit": "EUR/Jahr",
            },
            {"label": "Abschließend bearbeitete Anrufe (2010)", "value": 75, "unit": "Prozent"},
        ],
        "lessonsLearned": (
            "Neue Partner brauchen eine Einarbeitung am System von rund vier Wochen; in "
            "Urlaubs- und Krankheitsphasen entstehen schnell lange Wartezeiten, die Personalplanung "
            "muss das abfedern."
        ),
        "transferability": "Das Modell wuchs schrittweise von einer Stadt auf drei Partner.",
        "digitalDelivery": "teilweise-digital",
        "keywords": ["Servicecenter", "Bürgertelefon", "Wissensdatenbank", "Telefonzentrale", "Bergisches Städtedreieck"],
        "sources": [
            MOTION,
            "https://wuppertal.de/presse/meldungen/meldungen-2010/juli/102370100000226164.php",
            "https://wz.de./nrw/wuppertal/remscheid-ist-jetzt-mit-in-der-leitung-ein-anschluss-unter-dieser-nummer_aid-31318559",
            "https://rp-online.de/nrw/staedte/solingen/solingen-tritt-bergischem-servicecenter-bei_aid-12750985",
            "http://www.rp-online.de/nrw/staedte/solingen/servicecenter-nervt-mit-langer-leitung-aid-1.6174620",
        ],
    },
    {
        "title": "Nordlippe: gemeinsames Gebäude- und Energiemanagement",
        "description": (
            "Die vier Kommunalverwaltungen der LEADER-Region Nordlippe – die Stadt Barntrup und die "
            "Gemeinden Dörentrup, Extertal und Kalletal im Kreis Lippe – haben ein gemeinsames Gebäude- "
            "und Energiemanagement auf ihre Agenda gesetzt. Grundlage ist die Regionale "
            "Entwicklungsstrategie für die LEADER-Förderperiode 2023–2027, an der seit Dezember 2021 "
            "Bürgerinnen und Bürger, Vereine und Unternehmen mitgearbeitet haben und deren Schwerpunkt "
            "auf interkommunaler Zusammenarbeit liegt. Ziel ist ein regional abgestimmter Ansatz mit "
            "zeitgemäßen Arbeitsplätzen, Expertenteams und digitalen Verwaltungsdienstleistungen; das "
            "gemeinsame Management der kommunalen Liegenschaften und ihres Energieverbrauchs ist eines "
            "der Themen. Umsetzungsstand und Organisationsform sind in den öffentlich zugänglichen "
            "Quellen noch nicht beschrieben."
        ),
        "participants": ["Barntrup", "Dörentrup", "Extertal", "Kalletal"],
        "state": "NW",
        "taskAreas": ["01", "14"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "fundingProgramme": "LEADER 2023–2027 (NRW)",
        "keywords": ["Gebäudemanagement", "Energiemanagement", "LEADER", "Nordlippe", "Kreis Lippe"],
        "sources": [MOTION, "https://nordlippe.de/region-nordlippe/die-region"],
    },
    {
        "title": "Nordlippe: interkommunales Co-Working",
        "description": (
            "Barntrup, Dörentrup, Extertal und Kalletal wollen im Rahmen ihrer LEADER-Strategie "
            "interkommunales Co-Working ermöglichen. Nach der Beschreibung im Landtagsantrag zu "
            "Shared-Service-Centern verfolgen die vier nordlippischen Kommunalverwaltungen einen "
            "regional abgestimmten Ansatz, der zeitgemäße Arbeitsplätze, flexible Arbeitsmodelle und "
            "spannende Tätigkeitsbereiche bieten soll – auch, um im ländlichen Raum Fachkräfte für die "
            "Verwaltung zu gewinnen und zu halten. Gemeinsam nutzbare Arbeitsorte für Beschäftigte der "
            "vier Verwaltungen sind ein Baustein dieses Ansatzes. Die Lokale Aktionsgruppe Nordlippe "
            "begleitet die Umsetzung der Regionalen Entwicklungsstrategie. Konkrete Standorte und "
            "Starttermine sind in den ausgewerteten Quellen nicht genannt."
        ),
        "participants": ["Barntrup", "Dörentrup", "Extertal", "Kalletal"],
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "fundingProgramme": "LEADER 2023–2027 (NRW)",
        "keywords": ["Co-Working", "flexible Arbeitsmodelle", "Fachkräftegewinnung", "LEADER", "Nordlippe"],
        "sources": [MOTION, "https://nordlippe.de/region-nordlippe/die-region"],
    },
    {
        "title": "Nordlippe: interkommunales Leerstandsmanagement",
        "description": (
            "Leerstehende Wohnhäuser und Ladenlokale sind in den Dörfern und kleinen Stadtkernen "
            "Nordlippes ein Dauerthema. Die Stadt Barntrup und die Gemeinden Dörentrup, Extertal und "
            "Kalletal haben ein gemeinsames Leerstandsmanagement auf die Agenda ihrer LEADER-Region "
            "gesetzt, wie der Landtagsantrag zu Shared-Service-Centern festhält. Die vier Kommunen "
            "können dabei auf Erfahrungen aus dem früheren kreisweiten Projekt Leerstandsmanagement "
            "Lippe zurückgreifen, an dem sie zusammen mit weiteren lippischen Kommunen beteiligt waren "
            "und das einen Leerstandskataster und eine Internetbörse aufgebaut hat. Wie das neue "
            "Vorhaben organisiert wird, ist in den ausgewerteten Quellen noch nicht beschrieben."
        ),
        "participants": ["Barntrup", "Dörentrup", "Extertal", "Kalletal"],
        "state": "NW",
        "taskAreas": ["09", "10"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "geplant",
        "fundingProgramme": "LEADER 2023–2027 (NRW)",
        "keywords": ["Leerstandsmanagement", "Ortskerne", "Innenentwicklung", "LEADER", "Nordlippe"],
        "sources": [
            MOTION,
            "http://2014.blomberg-voices.de/arbeitskreis-leerstandsmanagement-stellt-massnahmenkatalog-vor",
        ],
    },
    {
        "title": "LEADER-Region Nordlippe (Lokale Aktionsgruppe Nordlippe e. V.)",
        "description": (
            "Seit 2007 arbeiten die Stadt Barntrup und die Gemeinden Dörentrup, Extertal und Kalletal im "
            "Nordosten des Kreises Lippe als LEADER-Region zusammen. Die Kommunen gründeten den Verein "
            "Lokale Aktionsgruppe Nordlippe e. V., setzten ein Regionalmanagement ein und erarbeiteten "
            "gemeinsame Entwicklungskonzepte als Bewerbungsgrundlage für die Förderperioden ab 2007, ab "
            "2014 und 2023–2027. Den Vorstand bilden die vier Bürgermeister. Gefördert wurden unter "
            "anderem das Multifunktionshaus in Erder, der Wanderweg „Weg der Blicke“ durch alle vier "
            "Kommunen, ein interkommunales Abwasserprojekt, ein Wirtschaftswegekonzept und das "
            "integrierte kommunale Entwicklungskonzept (IKEK) Nordlippe. Über ein Regionalbudget aus der "
            "Gemeinschaftsaufgabe Agrarstruktur und Küstenschutz werden zusätzlich Kleinprojekte von "
            "Vereinen und Kommunen unterstützt. Für 2023–2027 liegt der Schwerpunkt ausdrücklich auf "
            "interkommunaler Zusammenarbeit."
        ),
        "participants": ["Barntrup", "Dörentrup", "Extertal", "Kalletal", Org("Lokale Aktionsgruppe Nordlippe e. V.")],
        "lead": Org("Lokale Aktionsgruppe Nordlippe e. V."),
        "state": "NW",
        "taskAreas": ["09", "15"],
        "legalForm": "privatrechtlich",
        "status": "im-betrieb",
        "startDate": "2007",
        "fundingProgramme": "LEADER (EU/Land NRW); Regionalbudget GAK",
        "outcomes": ("In der ersten Förderperiode 2007–2014 flossen laut Region knapp eine Million Euro LEADER-Mittel in 25 Projekte."),
        "outcomeFigures": [{"label": "Umgesetzte Projekte 2007–2014", "value": 25, "unit": "Projekte"}],
        "lessonsLearned": (
            "Ein gemeinsamer Verein mit den Bürgermeistern im Vorstand und ein hauptamtliches "
            "Regionalmanagement tragen die Zusammenarbeit über mehrere Förderperioden."
        ),
        "website": "https://nordlippe.de/",
        "keywords": ["LEADER", "ländlicher Raum", "Regionalmanagement", "Regionalentwicklung", "Kreis Lippe"],
        "sources": [
            "https://nordlippe.de/region-nordlippe/die-region",
            "https://nordlippe.de/leader/leader-2007-2014/",
            "https://www.nordlipper.de/lokale-aktionsgruppe-macht-viel-geld-locker/",
            "https://www.lz.de/lippe/doerentrup/23662582_Kleinprojekte-in-Nordlippe-werden-mit-150.000-Euro-gefoerdert.html",
            MOTION,
        ],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Fachstelle für soziale Sicherungssysteme / Interkommunales Sozialamt Bad Sassendorf",
        "description": (
            "Nach dem Landtagsantrag zu Shared-Service-Centern plante die Gemeinde Bad Sassendorf mit "
            "weiteren Gemeinden eine Fachstelle für soziale Sicherungssysteme, um Kompetenzen zu bündeln "
            "und Arbeitsprozesse mit IT-Lösungen effizienter zu gestalten. Das Portal "
            "Interkommunales.NRW stellt das Vorhaben inzwischen als „Interkommunales Sozialamt“ vor: Bad "
            "Sassendorf hat mit der Stadt Erwitte und den Gemeinden Ense und Welver eine "
            "Verwaltungsvereinbarung zum Spezialisten-Sharing geschlossen. Hintergrund sind "
            "Fachkräftemangel, steigende Fallzahlen und immer komplexere Rechtsänderungen in der "
            "Sachbearbeitung und Beratung. Die Partner bauten interkommunale Back-Office-Strukturen in "
            "Form einer Kompetenzstelle auf, über die Spezialwissen für alle beteiligten Kommunen "
            "abrufbar ist; das Projekt soll weiterentwickelt werden."
        ),
        "participants": ["Bad Sassendorf", "Erwitte", "Ense", "Welver"],
        "lead": "Bad Sassendorf",
        "state": "NW",
        "taskAreas": ["05"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "lessonsLearned": (
            "Statt die Sachbearbeitung vollständig zu verlagern, wird Spezialwissen in einer "
            "gemeinsamen Kompetenzstelle gebündelt und für alle Partner abrufbar gemacht."
        ),
        "keywords": ["Sozialamt", "soziale Sicherung", "Spezialisten-Sharing", "Kompetenzstelle", "Kreis Soest"],
        "sources": [MOTION, MOTION_PRESS, "https://interkommunales.nrw/"],
    },
    # ------------------------------------------------------------------ further NRW examples
    {
        "title": "Gemeinsame integrierte Regionalleitstelle Solingen/Wuppertal („Leitstelle Wupper“)",
        "description": (
            "Wuppertal und Solingen betreiben seit 2007 eine gemeinsame integrierte Regionalleitstelle "
            "für Feuerwehr, Rettungsdienst und Katastrophenschutz in der Hauptfeuer- und Rettungswache "
            "an der August-Bebel-Straße in Wuppertal. Anlass war ein Gutachten zu "
            "Kooperationsmöglichkeiten der beiden Berufsfeuerwehren; ein Lenkungskreis begleitete das "
            "Projekt. Beide Städte stellen Personal, die frühere Solinger Leitstelle dient als "
            "Notleitstelle. Die Kosten werden nach Einwohnerzahl und Fläche verteilt; die Investitionen "
            "für die Einrichtung lagen laut Portal Interkommunales.NRW bei rund drei Millionen Euro. "
            "Über die 112 und die Krankentransportnummer 19222 laufen täglich Hunderte Anrufe auf. Wegen "
            "steigender Einsatzzahlen planen die Städte einen Leitstellen-Neubau in Wuppertal-Vohwinkel "
            "nahe der Solinger Stadtgrenze."
        ),
        "participants": ["Wuppertal", "Solingen"],
        "lead": "Wuppertal",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2007",
        "outcomes": "Nach Angabe der Städte deutliche Einsparungen bei gleichzeitig hohem technischem Standard.",
        "outcomeFigures": [
            {"label": "Einsätze im Jahr 2022 (mehr als)", "value": 115000, "unit": "Einsätze"},
            {"label": "Investitionskosten der Einrichtung (ca.)", "value": 3000000, "unit": "EUR"},
        ],
        "lessonsLearned": (
            "Anfangs gemischt besetzte Dienstgruppen aus beiden Städten und personelle "
            "Kontinuität halfen, technische Startprobleme schnell zu beheben."
        ),
        "transferability": "Die Städte bezeichnen die Leitstelle als Erfolgsgeschichte der bergischen Zusammenarbeit.",
        "contact": {"organisation": "Stadt Wuppertal, Feuerwehr", "email": "berufsfeuerwehr@stadt-wuppertal.de"},
        "keywords": ["Leitstelle", "Feuerwehr", "Rettungsdienst", "Notruf 112", "Katastrophenschutz"],
        "sources": [
            "https://interkommunales.nrw/projekt/gemeinsame-integrierte-regionalleitstelle-solingenwuppertal",
            "https://wuppertal-total.de/stadtleben/gemeinsame-leitstelle-der-feuerwehr-fuer-wuppertal-und-solingen/",
            "https://rp-online.de/nrw/staedte/solingen/feuerwehrleitstelle-ist-ein-erfolgsmodell_aid-14483227",
        ],
    },
    {
        "type": "smartCityInitiative",
        "title": "Smart Cities: 5 für Südwestfalen",
        "description": (
            "Im Bundesmodellvorhaben „Modellprojekte Smart Cities“ haben sich Arnsberg, Bad Berleburg, "
            "Menden, Olpe und Soest – je eine Kommune aus jedem der fünf südwestfälischen Kreise – mit "
            "der Südwestfalen Agentur zu einem Konsortium zusammengeschlossen. Jede Pionierkommune hat "
            "mit ihren Bürgerinnen und Bürgern eine eigene Smart-City-Strategie erarbeitet, etwa Soest "
            "mit dem Ziel einer klimaneutralen Smart City bis 2030. Die Südwestfalen Agentur koordiniert "
            "als Netzwerkknoten, Projekte werden interkommunal gedacht und so angelegt, dass andere "
            "Städte und Gemeinden der Region einsteigen können; Iserlohn kam als weitere Kommune hinzu. "
            "Ziel ist, möglichst alle 59 Kommunen Südwestfalens am Wissenstransfer zu beteiligen. Das "
            "Projekt läuft bis Herbst 2026."
        ),
        "participants": ["Arnsberg", "Bad Berleburg", "Menden", "Olpe", "Soest", "Iserlohn", Org("Südwestfalen Agentur GmbH")],
        "lead": Org("Südwestfalen Agentur GmbH"),
        "state": "NW",
        "taskAreas": ["01", "09", "15"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "in-umsetzung",
        "endDate": "2026",
        "fundingProgramme": "Modellprojekte Smart Cities (Bund)",
        "lessonsLearned": (
            "Jede Kommune entwickelt eine eigene Strategie; verbindend wirken gemeinsame "
            "Projektarbeit, offene Mitmachangebote und eine zentrale Koordination."
        ),
        "transferability": "Ausdrücklich offen für weitere Kommunen, die sich der Rahmenstrategie anschließen.",
        "website": "https://smartcities-suedwestfalen.com/",
        "keywords": ["Smart City", "Südwestfalen", "Bürgerbeteiligung", "Digitalisierung", "ländlicher Raum"],
        "sources": [
            "https://smartcities-suedwestfalen.com/modellprojekt/",
            "https://www.suedwestfalen-agentur.com/suedwestfalen-agentur/neuigkeiten/artikel/5malklug-smart-city-pionierkommunen-praesentieren-ihre-strategien/",
            "https://www.smart-city-dialog.de/modellprojekte/smart-city-modellprojekt-suedwestfalen",
            "https://www.wp.de/region/sauer-und-siegerland/fortschritte-beim-projekt-smart-cities-suedwestfalen-id230945114.html",
        ],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Modellregion Ostwestfalen-Lippe",
        "description": (
            "Im Landesprogramm „Digitale Modellregionen in NRW“ war die Stadt Paderborn Leitkommune für "
            "den Regierungsbezirk Detmold, gemeinsam mit der kreisfreien Stadt Bielefeld, der Stadt "
            "Delbrück, dem Kreis Paderborn und der Bezirksregierung Detmold. Die Partner setzten "
            "Projekte in den Bereichen E-Government, digitale Serviceportale und Open Data um, dazu "
            "Vorhaben zu Gesundheit, Bildung, Kultur, Mobilität und Sicherheit – etwa eine digitale "
            "Gesundheitsplattform oder Erweiterungen des MINT-Unterrichts. Ein Projektbüro in Paderborn "
            "koordinierte die Arbeit und den Transfer in andere Kommunen. Das Förderprogramm endete am "
            "30. Juni 2023; die Ergebnisse stehen als Produkte und Dienste zur Nachnutzung bereit."
        ),
        "participants": ["Paderborn", "Bielefeld", "Delbrück", Org("Kreis Paderborn"), Org("Bezirksregierung Detmold")],
        "lead": "Paderborn",
        "state": "NW",
        "taskAreas": ["01", "09"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2018",
        "endDate": "2023-06-30",
        "fundingProgramme": "Digitale Modellregionen in NRW (MWIDE NRW)",
        "outcomeFigures": [{"label": "Fördervolumen der Modellregion OWL", "value": 19500000, "unit": "EUR"}],
        "transferability": "Ziel war die schnelle, lizenzfreie Nachnutzung der Ergebnisse durch andere Kommunen.",
        "keywords": ["Digitale Modellregion", "E-Government", "Open Data", "Paderborn", "OWL"],
        "sources": [
            DIGITAL_MODEL_REGIONS,
            "https://www.kdn.de/ccd/digitale-modellregionen/modellregion-ostwestfalen-lippe/",
            DIGITAL_MODEL_REGIONS_END,
            MARKTOWL,
        ],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Modellregion Südwestfalen mit Leitkommune Soest",
        "description": (
            "Für den Regierungsbezirk Arnsberg wählte das Land Nordrhein-Westfalen die Stadt Soest als "
            "Leitkommune einer digitalen Modellregion im ländlichen Raum. Beteiligt waren die Städte "
            "Iserlohn und Lippstadt sowie der Kreis Soest. Die Förderrichtlinie des Wirtschafts- und "
            "Digitalministeriums zielte darauf, Digitalisierungsprojekte in Verwaltung und "
            "Stadtentwicklung gemeinsam mit Wirtschaft und Wissenschaft anzustoßen und Lösungen zu "
            "entwickeln, die in ganz Nordrhein-Westfalen nachgenutzt werden können. Wie die anderen vier "
            "Modellregionen arbeitete die Region mit einem Projektbüro, das auch den Austausch mit "
            "Kommunen außerhalb der Region organisierte. Das Programm lief von 2018 bis Mitte 2023."
        ),
        "participants": ["Soest", "Iserlohn", "Lippstadt", Org("Kreis Soest")],
        "lead": "Soest",
        "state": "NW",
        "taskAreas": ["01", "09"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2018",
        "endDate": "2023-06-30",
        "fundingProgramme": "Digitale Modellregionen in NRW (MWIDE NRW)",
        "keywords": ["Digitale Modellregion", "ländlicher Raum", "Soest", "E-Government", "Südwestfalen"],
        "sources": [
            DIGITAL_MODEL_REGIONS,
            "https://www.westfalenspiegel.de/gelsenkirchen-und-soest-profitieren-von-landesinvestitionen-in-digitalisierung/",
            DIGITAL_MODEL_REGIONS_END,
            MARKTOWL,
        ],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Modellregion Bergisches Städtedreieck",
        "description": (
            "Im Regierungsbezirk Düsseldorf war Wuppertal Leitkommune der digitalen Modellregion, "
            "beteiligt waren die Nachbarstädte Solingen und Remscheid. Damit setzte das Bergische "
            "Städtedreieck seine lange Reihe gemeinsamer Vorhaben – vom Veterinäramt bis zum "
            "ServiceCenter – im Bereich Digitalisierung fort. Nach der Förderrichtlinie des Landes "
            "sollten die Modellregionen den Digitalisierungsprozess in den Kommunen beschleunigen und "
            "mit Wirtschaft und Wissenschaft Projekte zur digitalen Stadtentwicklung umsetzen. Das "
            "Landesprogramm lief von 2018 bis zum 30. Juni 2023. Für den Transfer der Ergebnisse an "
            "andere Kommunen arbeiteten die Modellregionen mit dem Land und dem Dachverband der "
            "kommunalen IT-Dienstleister (KDN) zusammen; die Projektbüros pflegten den Austausch der "
            "Modellregionen untereinander."
        ),
        "participants": ["Wuppertal", "Solingen", "Remscheid"],
        "lead": "Wuppertal",
        "state": "NW",
        "taskAreas": ["01", "09"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2018",
        "endDate": "2023-06-30",
        "fundingProgramme": "Digitale Modellregionen in NRW (MWIDE NRW)",
        "keywords": ["Digitale Modellregion", "Bergisches Städtedreieck", "Smart City", "Digitalisierung"],
        "sources": [DIGITAL_MODEL_REGIONS, DIGITAL_MODEL_REGIONS_END, MARKTOWL],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Modellregion Aachen",
        "description": (
            "Für den Regierungsbezirk Köln bestimmte das Land die Stadt Aachen als Leitkommune einer "
            "digitalen Modellregion, beteiligt war die Städteregion Aachen. Die Region gehörte zu den "
            "fünf Modellregionen, die das Land Nordrhein-Westfalen ab 2018 mit insgesamt rund 91 "
            "Millionen Euro förderte, damit Kommunen ihre Verwaltung schneller digitalisieren, "
            "Bürgerinnen und Bürgern sowie Unternehmen digitale Angebote machen und mit der Wirtschaft "
            "Projekte der Stadtentwicklung umsetzen. Die Förderung der Modellregionen wurde bis Mitte "
            "2023 verlängert und endete am 30. Juni 2023."
        ),
        "participants": ["Aachen", Org("Städteregion Aachen")],
        "lead": "Aachen",
        "state": "NW",
        "taskAreas": ["01", "09"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2018",
        "endDate": "2023-06-30",
        "fundingProgramme": "Digitale Modellregionen in NRW (MWIDE NRW)",
        "keywords": ["Digitale Modellregion", "Aachen", "Städteregion", "Digitalisierung"],
        "sources": [
            DIGITAL_MODEL_REGIONS,
            "https://cps-hub-nrw.de/news/2018-01-15-91-millionen-euro-fuer-modellkommunen",
            DIGITAL_MODEL_REGIONS_END,
        ],
    },
    {
        "type": "smartCityInitiative",
        "title": "Digitale Modellregion Emscher-Lippe mit Leitkommune Gelsenkirchen",
        "description": (
            "Für den Regierungsbezirk Münster fiel die Wahl auf Gelsenkirchen als Leitkommune, beteiligt "
            "waren die Stadt Bottrop und der Kreis Recklinghausen. Gelsenkirchen konnte auf die "
            "Digitalisierungsinitiative „Smart Region“ in der Emscher-Lippe-Region aufbauen; die "
            "Westfälische Hochschule und die Hochschule Ruhr West waren früh eingebunden. Wie alle fünf "
            "digitalen Modellregionen sollte die Region Lösungen für Verwaltung und Stadtentwicklung "
            "erproben, die andere Kommunen in Nordrhein-Westfalen übernehmen können. Das Förderprogramm "
            "endete am 30. Juni 2023."
        ),
        "participants": ["Gelsenkirchen", "Bottrop", Org("Kreis Recklinghausen")],
        "lead": "Gelsenkirchen",
        "state": "NW",
        "taskAreas": ["01", "09"],
        "legalForm": "sonstige",
        "status": "abgeschlossen",
        "startDate": "2018",
        "endDate": "2023-06-30",
        "fundingProgramme": "Digitale Modellregionen in NRW (MWIDE NRW)",
        "keywords": ["Digitale Modellregion", "Emscher-Lippe", "Smart Region", "Hochschulkooperation"],
        "sources": [
            DIGITAL_MODEL_REGIONS,
            "https://www.westfalenspiegel.de/gelsenkirchen-und-soest-profitieren-von-landesinvestitionen-in-digitalisierung/",
            DIGITAL_MODEL_REGIONS_END,
        ],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Südwestfalen-IT (SIT) – kommunaler IT-Zweckverband",
        "description": (
            "Die beiden kommunalen IT-Dienstleister KDZ Westfalen-Süd und KDVZ Citkomm gründeten 2013 "
            "den gemeinsamen Dachverband Südwestfalen-IT (SIT) und gingen zum 1. Januar 2018 in ihm auf; "
            "das Gesetz über kommunale Gemeinschaftsarbeit nennt diesen Vorgang Eingliederung. Als "
            "kommunaler IT-Dienstleister stellt die SIT ihren Mitgliedern – Kreisen, Städten und "
            "Gemeinden in Südwestfalen – IT-Infrastruktur und Fachverfahren bereit. Auch Kommunen "
            "außerhalb der Region sind Kunden oder Mitglieder: Die Stadt Wermelskirchen im "
            "Rheinisch-Bergischen Kreis beschloss ihren Beitritt als Verbandsmitglied zum 1. Januar "
            "2020, nachdem sie seit den 1990er-Jahren privatrechtlich an die Vorgängerorganisation "
            "angebunden war. Hintergrund der Bündelung sind komplexere IT-Systeme, steigende "
            "Sicherheitsanforderungen und der Wunsch nach wirtschaftlicheren Strukturen."
        ),
        "participants": [Org("Südwestfalen-IT (SIT)"), Org("Kreis Soest"), "Wermelskirchen"],
        "lead": Org("Südwestfalen-IT (SIT)"),
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2013",
        "lessonsLearned": (
            "Eine Fusion von Zweckverbänden braucht gleichlautende Beschlüsse aller "
            "Verbandsversammlungen und eine frühzeitige Information der Räte der Mitglieder."
        ),
        "keywords": ["IT-Dienstleister", "Rechenzentrum", "Zweckverband", "Fusion", "Südwestfalen"],
        "sources": [
            "https://politik.kreis-soest.de/bi/vo020.asp?VOLFDNR=1000157",
            "https://ris-bi.wermelskirchen.de/vo020.asp?VOLFDNR=4720",
        ],
    },
    {
        "type": "sharedServiceCenter",
        "title": "Zweckverband IT-Kooperation Rheinland (ITK Rheinland)",
        "description": (
            "Die Landeshauptstadt Düsseldorf, die Stadt Mönchengladbach, der Rhein-Kreis Neuss und seine "
            "Städte und Gemeinden Neuss, Dormagen, Grevenbroich, Jüchen, Kaarst, Korschenbroich, "
            "Meerbusch und Rommerskirchen sowie der Zweckverband Tagebaufolge(n)landschaft Garzweiler "
            "bilden den Zweckverband IT-Kooperation Rheinland. Er betreibt die Kommunale "
            "Datenverarbeitungszentrale ITK Rheinland als Beratungs-, Organisations-, Software-, "
            "Qualifizierungs- und Produktionsverbund. Zu seinen Aufgaben gehören gemeinsame Standards "
            "für eine einheitliche IT-Infrastruktur, Konzepte für den IT-Einsatz, Auswahl und "
            "Beschaffung von Verfahren sowie deren Betrieb für die Mitglieder. Die Verbandssatzung "
            "stammt vom 11. Dezember 2007 und wurde mehrfach geändert, zuletzt 2018 mit der siebten "
            "Änderungssatzung."
        ),
        "participants": [
            "Düsseldorf",
            "Mönchengladbach",
            "Neuss",
            "Dormagen",
            "Grevenbroich",
            "Jüchen",
            "Kaarst",
            "Korschenbroich",
            "Meerbusch",
            "Rommerskirchen",
            Org("Rhein-Kreis Neuss"),
            Org("Zweckverband Tagebaufolge(n)landschaft Garzweiler"),
        ],
        "lead": "Düsseldorf",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2007-12-11",
        "keywords": ["IT-Dienstleister", "Rechenzentrum", "IT-Standards", "Zweckverband", "Rhein-Kreis Neuss"],
        "sources": ["https://www.duesseldorf.de/stadtrecht/1/10-1/10-122.html"],
    },
    {
        "title": "Zweckverband Nahverkehr Westfalen-Lippe (NWL)",
        "description": (
            "Mit dem neuen ÖPNV-Gesetz NRW schlossen sich die bis dahin neun Verkehrsräume des Landes zu "
            "drei Organisationen zusammen. In Westfalen-Lippe gründeten die regionalen Zweckverbände und "
            "Verkehrsverbünde im Januar 2008 den Zweckverband Nahverkehr Westfalen-Lippe mit Sitz in "
            "Unna; heute setzt er sich aus vier regionalen Zweckverbänden sowie den Kreisen Paderborn "
            "und Höxter zusammen. Der NWL plant, organisiert und finanziert den "
            "Schienenpersonennahverkehr in Westfalen-Lippe, bestellt die Zugleistungen, ist "
            "Bewilligungsbehörde des Landes für die ÖPNV-Infrastrukturförderung und entwickelt den "
            "westfälischen Nahverkehrsplan. Die Verbandsversammlung mit 45 Mitgliedern aus den Kreisen "
            "und kreisfreien Städten ist das oberste Entscheidungsgremium. Die regionalen Zweckverbände "
            "bleiben Ansprechpartner vor Ort."
        ),
        "participants": [
            Org("Zweckverband Mobilität Ruhr-Lippe (ZRL)"),
            Org("Zweckverband Mobilität Münsterland (ZVM)"),
            Org("Verkehrsverbund Ostwestfalen-Lippe (VVOWL)"),
            Org("Zweckverband Personennahverkehr Westfalen-Süd (ZWS)"),
            Org("Kreis Paderborn"),
            Org("Kreis Höxter"),
        ],
        "state": "NW",
        "taskAreas": ["12"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "startDate": "2008",
        "outcomeFigures": [
            {"label": "Bestellte Betriebsleistung im SPNV", "value": 37300000, "unit": "Zugkilometer/Jahr"},
        ],
        "lessonsLearned": (
            "Eine Dachorganisation bündelt Bestellung und Finanzierung, ohne die bewährten regionalen Ansprechpartner aufzugeben."
        ),
        "website": "https://www.nwl-info.de/",
        "keywords": ["ÖPNV", "SPNV", "Nahverkehr", "Zweckverband", "Westfalen-Lippe"],
        "sources": [
            "https://www.nwl-info.de/der-nwl/zweckverband.html",
            "http://www.nwl-info.de/aktuelles/pressemitteilungen/2008/01/15/gruendung-des-nwl.php",
            "http://www.zwsonline.de/der-zws/organisation/dachzweckverband-nwl/",
        ],
    },
    {
        "title": "Chemisches und Veterinäruntersuchungsamt Rhein-Ruhr-Wupper (CVUA-RRW)",
        "description": (
            "Zum 1. Januar 2009 wurden das Staatliche Veterinäruntersuchungsamt in Krefeld, das "
            "Chemische und Geowissenschaftliche Institut der Stadt Essen, das Chemische "
            "Untersuchungsinstitut Bergisches Land der Stadt Wuppertal und das Institut für "
            "Lebensmitteluntersuchungen und Umwelthygiene des Kreises Wesel zu einer Anstalt des "
            "öffentlichen Rechts mit Sitz in Krefeld zusammengeführt. Zuvor hatten die Ämter zwei Jahre "
            "in einer Arbeitsgemeinschaft kooperiert. In der Trägerschaft sind Land und Kommunen "
            "vertreten, darunter Krefeld, Solingen, Remscheid, Essen, Oberhausen, Mülheim an der Ruhr, "
            "Wuppertal und der Kreis Wesel; 2020 kamen die Labore der Stadt Düsseldorf und des Kreises "
            "Mettmann hinzu. Das Amt untersucht Lebensmittel, Bedarfsgegenstände, Kosmetika und "
            "Futtermittel und leistet Tiergesundheits- und Tierseuchenuntersuchungen für die "
            "Regierungsbezirke Düsseldorf und Köln."
        ),
        "participants": [
            "Krefeld",
            "Essen",
            "Wuppertal",
            "Solingen",
            "Remscheid",
            "Oberhausen",
            "Mülheim an der Ruhr",
            Org("Kreis Wesel"),
            Org("Land Nordrhein-Westfalen"),
        ],
        "lead": "Krefeld",
        "state": "NW",
        "taskAreas": ["02", "07"],
        "legalForm": "sonstige",
        "status": "im-betrieb",
        "startDate": "2009-01-01",
        "outcomeFigures": [
            {
                "label": "Lebensmittel-, Bedarfsgegenstände- und Kosmetikproben (Planung bei Gründung)",
                "value": 26000,
                "unit": "Proben/Jahr",
            },
        ],
        "lessonsLearned": (
            "Die zweijährige Zusammenarbeit in einer Arbeitsgemeinschaft bereitete die Fusion "
            "vor; Doppeluntersuchungen sollten durch die Bündelung an einem Ort entfallen."
        ),
        "keywords": ["Lebensmitteluntersuchung", "Veterinäruntersuchung", "Verbraucherschutz", "Anstalt öffentlichen Rechts", "Labor"],
        "sources": [
            "https://www.dvtiernahrung.de/aktuelles-detail/integriertes-untersuchungsamt-rhein-ruhr-wupper-gegruendet",
            "https://wz.de./nrw/wuppertal/von-wuppertal-nach-krefeld_aid-31212071",
            "https://de.m.wiki.x.io/wiki/CVUA_RRW",
        ],
    },
    {
        "title": "Grafschafter Gewerbepark Genend und wir4-Wirtschaftsförderung",
        "description": (
            "Nach dem Ende des Steinkohlenbergbaus am linken Niederrhein beschlossen die Städte Moers, "
            "Kamp-Lintfort, Neukirchen-Vluyn und Rheinberg 1992 per Ratsbeschluss, gemeinsam den "
            "Grafschafter Gewerbepark Genend zu entwickeln. Der Park liegt auf dem Gebiet von Moers und "
            "Neukirchen-Vluyn und wurde mit Landesmitteln erschlossen. Später gründeten die vier Städte "
            "die interkommunale wir4-Wirtschaftsförderung als Anstalt des öffentlichen Rechts, die den "
            "Park und den Bereich Genend-Süd vermarktet. Bebauungsplan und Förderrichtlinien schreiben "
            "mindestens 20 Prozent Grünfläche vor, der Charakter als Park ist gewollt. Der Gewerbepark "
            "gilt als eines der ersten interkommunalen Gewerbegebiete und als Modellprojekt in "
            "Nordrhein-Westfalen; inzwischen ist die Fläche nahezu vollständig vermarktet."
        ),
        "participants": ["Moers", "Kamp-Lintfort", "Neukirchen-Vluyn", "Rheinberg"],
        "lead": "Moers",
        "state": "NW",
        "taskAreas": ["15", "09"],
        "legalForm": "gemeinsames-kommunalunternehmen",
        "status": "im-betrieb",
        "startDate": "1992",
        "outcomes": "Mehr als 90 Unternehmen angesiedelt; laut Wirtschaftsförderung sind über 3000 Menschen im Park beschäftigt.",
        "outcomeFigures": [
            {"label": "Beschäftigte im Gewerbepark (mehr als)", "value": 3000, "unit": "Personen"},
            {"label": "Netto-Verkaufsfläche", "value": 55, "unit": "ha"},
        ],
        "lessonsLearned": (
            "Ähnliche strukturelle Not nach Zechenschließungen erleichterte es vier unterschiedlich "
            "großen Städten, eigene Interessen zugunsten eines gemeinsamen Standorts zurückzustellen."
        ),
        "transferability": "Gilt bundesweit als frühes Vorbild für interkommunale Gewerbegebiete.",
        "keywords": ["interkommunales Gewerbegebiet", "Wirtschaftsförderung", "Strukturwandel", "Niederrhein", "AöR"],
        "sources": [
            "http://www.ruhrgebiet-regionalkunde.de/html/vertiefungsseiten/wir_vier.php.html",
            "http://www.handelsblatt.com/my/finanzen/immobilien/erster-interkommunaler-gewerbepark-gilt-bis-heute-als-vorzeigemodell-vier-niederrhein-gemeinden-buendeln-ihre-kraefte/2516752.html",
            "https://app-webview.sparknews.funkemedien.de/nrw-nrz/staedte/moers-und-umland/article215305747/der-gewerbepark-genend-in-moers-waechst-immer-weiter.html?paid=true",
            "https://app-webview.sparknews.funkemedien.de/nrw-nrz/lokales/moers-und-umland/article404886301/moers-neue-firmen-bauen-im-beliebten-industriegebiet-genend.html",
        ],
    },
    {
        "title": "Interkommunales Gewerbe- und Industriegebiet Oberbehme",
        "description": (
            "Die Nachbargemeinden Kirchlengern und Hiddenhausen im Kreis Herford schlossen 2001 eine "
            "öffentlich-rechtliche Vereinbarung über die Entwicklung eines gemeinsamen Gewerbestandorts. "
            "Im rund 43 Hektar großen Gewerbe- und Industriegebiet Oberbehme wurden Erschließungs- und "
            "Entwässerungsanlagen bedarfsgerecht gebaut; die Grundstücke lassen sich flexibel "
            "zuschneiden. Angesiedelt haben sich sowohl ortsansässige als auch auswärtige Unternehmen. "
            "Das Deutsche Institut für Urbanistik führt Oberbehme als Fallbeispiel dafür an, wie "
            "interkommunale Gewerbeflächenentwicklung den Handlungsspielraum der beteiligten Kommunen "
            "vergrößert, wenn eine Gemeinde allein keine geeigneten Flächen bereitstellen kann."
        ),
        "participants": ["Kirchlengern", "Hiddenhausen"],
        "state": "NW",
        "taskAreas": ["15", "09"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2001",
        "outcomeFigures": [{"label": "Fläche des Gewerbegebiets (rund)", "value": 43, "unit": "ha"}],
        "transferability": "Als Fallbeispiel für interkommunale Gewerbegebiete in Nordrhein-Westfalen dokumentiert.",
        "keywords": ["interkommunales Gewerbegebiet", "Gewerbeflächen", "Erschließung", "Kreis Herford"],
        "sources": ["https://orlis.difu.de/signposting/describedby/628545c4-d6c7-4b62-b42b-2d513e828074"],
    },
    {
        "title": "Standesamt „Untere Lenne“ Altena und Nachrodt-Wiblingwerde",
        "description": (
            "Die Stadt Altena und die Gemeinde Nachrodt-Wiblingwerde im Märkischen Kreis arbeiten im "
            "Standesamtswesen seit 2012 zusammen. Zunächst kooperierten die beiden Standesämter, dann "
            "wurden sie aufgelöst und zum gemeinsamen Standesamtsbezirk „Untere Lenne“ mit Sitz im "
            "Amtshaus in Nachrodt-Wiblingwerde zusammengeführt – mit neuem Siegel und einheitlicher "
            "Software. Seitdem kann eine Standesbeamtin oder ein Standesbeamter einen Vorgang "
            "vollständig bearbeiten, auch wenn das Paar im jeweils anderen Ort heiraten möchte; "
            "zusätzliche Gebühren für die Weitergabe entfallen, und die gegenseitige Vertretung ist "
            "einfacher. Getraut wird weiterhin an mehreren Orten in beiden Kommunen, etwa auf der Burg "
            "Altena. Die Kreisverwaltung bezeichnete das Modell bei der Gründung als Vorreiterbeispiel "
            "in Nordrhein-Westfalen."
        ),
        "participants": ["Nachrodt-Wiblingwerde", "Altena"],
        "lead": "Nachrodt-Wiblingwerde",
        "state": "NW",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2012",
        "lessonsLearned": (
            "Als die Idee entstand, fehlten die rechtlichen Voraussetzungen für einen gemeinsamen "
            "Bezirk; die Partner begannen deshalb mit einer Kooperation und fusionierten später. "
            "Bei gemeinsamen Trauterminen bestimmt die erste Anmeldung den Trauort."
        ),
        "transferability": "Von der Kreisdirektorin als Modell empfohlen, das Schule machen soll.",
        "keywords": ["Standesamt", "Standesamtsbezirk", "Personenstandswesen", "Eheschließung", "Märkischer Kreis"],
        "sources": [
            "https://www.come-on.de/lennetal/nachrodt-wiblingwerde/standesamtsbezirk-untere-lenne-ernennung-standesbeamten-9453208.html",
            "https://www.come-on.de/lennetal/nachrodt-wiblingwerde/eheschliessungen-2018-erste-anmeldung-bestimmt-trauort-11062132.html",
        ],
    },
    {
        "title": "Leerstandsmanagement Lippe",
        "description": (
            "Unter Leitung des Fachbereichs Planen und Bauen des Kreises Lippe schlossen sich 2009 die "
            "Städte Blomberg, Barntrup, Horn-Bad Meinberg, Lügde und Schieder-Schwalenberg sowie die "
            "Gemeinden Schlangen, Kalletal, Dörentrup und Extertal zum Arbeitskreis Leerstandsmanagement "
            "zusammen. In Blomberg wurde ein Projektbüro mit einer Leerstandsmanagerin eingerichtet. Der "
            "Arbeitskreis baute einen internen Leerstandskataster auf und schuf mit einer "
            "Internetdatenbank einen Marktplatz für Käufer, Mieter, Verkäufer und Vermieter, den "
            "Eigentümer kostenfrei nutzen können. Öffentlichkeitskampagnen, Handlungskonzepte für "
            "historische Stadtkerne und dörfliche Strukturen sowie ein Maßnahmenkatalog mit Empfehlungen "
            "für Kommunen ergänzten die Arbeit. Das Projektbüro wurde Ende 2014 planmäßig aufgelöst; "
            "Arbeitskreis und Datenbank werden von den Kommunen weitergeführt."
        ),
        "participants": [
            Org("Kreis Lippe"),
            "Blomberg",
            "Barntrup",
            "Horn-Bad Meinberg",
            "Lügde",
            "Schieder-Schwalenberg",
            "Schlangen",
            "Kalletal",
            "Dörentrup",
            "Extertal",
        ],
        "lead": Org("Kreis Lippe"),
        "state": "NW",
        "taskAreas": ["09", "10"],
        "legalForm": "arbeitsgemeinschaft",
        "status": "abgeschlossen",
        "startDate": "2009",
        "endDate": "2014-12-31",
        "outcomeFigures": [
            {"label": "Erfasste Leerstände im Kataster", "value": 530, "unit": "Objekte"},
            {"label": "Objekte in der Internetbörse (Stand 2014, mehr als)", "value": 100, "unit": "Objekte"},
        ],
        "lessonsLearned": (
            "Ein zentrales Projektbüro gibt dem Thema ein Gesicht; nach Projektende müssen die "
            "strategischen Aufgaben klar auf die Kommunen verteilt werden."
        ),
        "transferability": ("Der Maßnahmenkatalog „Umgang mit Leerständen“ bündelt Erfahrungen und Empfehlungen für andere Kommunen."),
        "keywords": ["Leerstandsmanagement", "Leerstandskataster", "demografischer Wandel", "Immobilienbörse", "Kreis Lippe"],
        "sources": [
            "http://2014.blomberg-voices.de/arbeitskreis-leerstandsmanagement-stellt-massnahmenkatalog-vor",
            "https://luegde.de/index.php?ModID=7&FID=2346.458.1&object=tx%7C2346.458.1",
            "https://www.westfalen-blatt.de/owl/kreis-lippe/kummerer-sind-gefordert-1872444",
        ],
    },
    {
        "title": "Örtliche Rechnungsprüfung der Stadt Kaarst durch den Rhein-Kreis Neuss",
        "description": (
            "Mit einer öffentlich-rechtlichen Vereinbarung vom Dezember 2018 hat die Stadt Kaarst die "
            "Aufgaben der örtlichen Rechnungsprüfung nach § 103 der Gemeindeordnung NRW auf den "
            "Rhein-Kreis Neuss übertragen. Die Rechnungsprüfung des Kreises übernimmt spätestens ab dem "
            "1. April 2019 anstelle eines eigenen städtischen Rechnungsprüfungsamtes die "
            "Prüfungsaufgaben und stellt deren ordnungsgemäße Erledigung sicher. Die Vereinbarung stützt "
            "sich auf § 102 Abs. 2 GO NRW und das Gesetz über kommunale Gemeinschaftsarbeit und wurde "
            "von der Aufsichtsbehörde genehmigt und öffentlich bekannt gemacht."
        ),
        "participants": ["Kaarst", Org("Rhein-Kreis Neuss")],
        "lead": Org("Rhein-Kreis Neuss"),
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2019-04-01",
        "transferability": (
            "Das Institut der Rechnungsprüfer empfiehlt interkommunale Zusammenarbeit in der "
            "örtlichen Rechnungsprüfung ausdrücklich und hat dazu eine Handreichung veröffentlicht."
        ),
        "keywords": ["Rechnungsprüfung", "Rechnungsprüfungsamt", "öffentlich-rechtliche Vereinbarung", "Rhein-Kreis Neuss"],
        "sources": [
            "http://www.rhein-kreis-neuss.de/de/verwaltung-politik/oeffentliche-bekanntmachungen/2019-rechnungspruefung-stadt-kaarst-und-rhein-kreis-neuss.html",
            "https://www.idrd.de/news/aktuelles/?tx_ttnews%5Btt_news%5D=205&L=0&cHash=254443da3d6e4a18d54aed383d11e4fa",
        ],
    },
    {
        "title": "Zweckverband Musikschule Coesfeld",
        "description": (
            "Die Stadt Coesfeld, die Stadt Billerbeck und die Gemeinde Rosendahl tragen gemeinsam den "
            "Zweckverband „Musikschule Coesfeld“ mit Hauptsitz in Coesfeld. Der Zweckverband leitet und "
            "verwaltet die Musikschule, stellt eigenverantwortlich Personal ein und organisiert das "
            "Angebot. Organe sind der Verbandsvorsteher und die Verbandsversammlung mit 15 Mitgliedern, "
            "davon sieben aus Coesfeld und je vier aus Billerbeck und Rosendahl; sie beschließt über "
            "Satzung, wesentliche Ausgaben, Jahresabschluss und Verbandsumlage. Das Angebot richtet sich "
            "an alle Altersgruppen, mit Schwerpunkt auf Kindern und Jugendlichen: musikalische "
            "Früherziehung und Grundausbildung, Instrumental- und Gesangsunterricht als Einzel-, "
            "Gruppen- oder Klassenunterricht sowie Chöre und Orchester."
        ),
        "participants": ["Coesfeld", "Billerbeck", "Rosendahl"],
        "lead": "Coesfeld",
        "state": "NW",
        "taskAreas": ["04"],
        "legalForm": "zweckverband",
        "status": "im-betrieb",
        "keywords": ["Musikschule", "kulturelle Bildung", "Zweckverband", "Kreis Coesfeld"],
        "sources": ["https://interkommunales.nrw/projekt/zweckverband-musikschule-coesfeld/"],
    },
    {
        "title": "Gemeinsames Sozialamt (SGB XII) Schleiden, Dahlem und Blankenheim",
        "description": (
            "Seit dem 1. April 2016 übernimmt die Stadt Schleiden im Kreis Euskirchen die gesamte "
            "Sachbearbeitung der Leistungen nach dem Zwölften Buch Sozialgesetzbuch auch für die "
            "Gemeinden Dahlem und Blankenheim. Zuvor hatten alle drei Verwaltungen diese Aufgabe selbst "
            "erledigt. Die Bürgerinnen und Bürger der beiden Gemeinden stellen ihre Anträge seitdem in "
            "Schleiden; die Bürgermeister verweisen auf ständige, kompetente Beratung und kurze "
            "Wartezeiten, räumen aber längere Wege ein. Dahlem und Blankenheim zahlen Schleiden einen "
            "Ausgleich, der sich nach der Zahl der Fälle richtet. Ähnliche Vereinbarungen bestehen seit "
            "2013 mit Kall, das für Schleiden das Wohngeld bearbeitet, und mit Hellenthal."
        ),
        "participants": ["Schleiden", "Dahlem", "Blankenheim"],
        "lead": "Schleiden",
        "state": "NW",
        "taskAreas": ["05"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2016-04-01",
        "outcomeFigures": [
            {"label": "Erwarteter Kostenausgleich an Schleiden (laut Gemeinde Dahlem)", "value": 23000, "unit": "EUR/Jahr"},
        ],
        "lessonsLearned": "Eine fallzahlabhängige Kostenerstattung macht den Ausgleich zwischen den Partnern nachvollziehbar.",
        "keywords": ["Sozialamt", "SGB XII", "Grundsicherung", "Sozialhilfe", "Kreis Euskirchen"],
        "sources": ["https://www.wochenspiegellive.de/kreis-euskirchen/artikel/der-weg-zum-sozialamt-wird-weiter"],
    },
    {
        "title": "Kommunales Integrationsmanagement Erwitte, Bad Sassendorf und Lippetal",
        "description": (
            "Im April 2022 beschlossen die Räte der Stadt Erwitte sowie der Gemeinden Bad Sassendorf und "
            "Lippetal eine Zusammenarbeit in der Integrationsarbeit. Nach der öffentlich-rechtlichen "
            "Vereinbarung richtet die Stadt Erwitte zwei Personalstellen für alle drei Partnerkommunen "
            "ein. Die Fachkräfte leisten Beratung und Case Management für Menschen mit "
            "Migrationshintergrund, um Brüche im Integrationsprozess abzufedern und ihn zu "
            "beschleunigen. Finanziert wird ein Teil der Stellen aus dem landesweiten Förderprogramm "
            "Kommunales Integrationsmanagement, dessen Mittel über den Kreis Soest weitergereicht "
            "werden."
        ),
        "participants": ["Erwitte", "Bad Sassendorf", "Lippetal"],
        "lead": "Erwitte",
        "state": "NW",
        "taskAreas": ["05"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2022",
        "fundingProgramme": "Kommunales Integrationsmanagement (KIM) NRW",
        "outcomeFigures": [{"label": "Förderanteil für die beiden Stellen", "value": 55000, "unit": "EUR"}],
        "keywords": ["Integration", "Case Management", "Migration", "KIM", "Kreis Soest"],
        "sources": [
            "https://www.soester-anzeiger.de/lokales/lippetal/gemeinde-lippetal-fluechtlinge-hilfsangebote-integration-91944338.html",
        ],
    },
    {
        "title": "Gemeinsame Stadtplanerstelle Medebach und Winterberg",
        "description": (
            "Die Städte Medebach und Winterberg im südöstlichen Hochsauerlandkreis haben eine gemeinsame "
            "Stadtplanerstelle eingerichtet. Die NRW.BANK nennt die Kooperation als Beispiel dafür, wie "
            "Kommunen durch interkommunale Zusammenarbeit Leistungen effizienter erbringen, weil sie "
            "Synergieeffekte nutzen; beim NRW.BANK-Ideenwettbewerb 2013 wurde sie prämiert. Die guten "
            "Erfahrungen führten dazu, dass Winterberg, Medebach und Hallenberg weitere gemeinsame "
            "Vorhaben angehen – Winterberg und Hallenberg kooperierten bereits im Tourismus. Dabei "
            "werden sie kostenfrei vom Team „Projekte Öffentliche Hand“ der NRW.BANK beraten und "
            "begleitet."
        ),
        "participants": ["Medebach", "Winterberg"],
        "state": "NW",
        "taskAreas": ["09"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "lessonsLearned": "Gute Erfahrungen mit einer ersten Kooperation machen weitere gemeinsame Projekte leichter.",
        "keywords": ["Stadtplanung", "Bauleitplanung", "Personal-Sharing", "Hochsauerlandkreis"],
        "sources": ["https://www.nrwbank.de/de/themen/kommunen/0722_Kommunen_IKZ"],
    },
    {
        "title": "Behördennummer 115 im Kreis Mettmann",
        "description": (
            "Der Kreis Mettmann hat für sich und alle zehn kreisangehörigen Städte die "
            "bundeseinheitliche Behördennummer 115 eingeführt. Das 115-Servicecenter baut auf dem "
            "bestehenden Info-Service der Kreisverwaltung auf; dafür stellte der Kreis zusätzlich "
            "Teilzeitkräfte im Schichtdienst ein. Anrufende erhalten werktags von 8 bis 18 Uhr Auskunft "
            "zu Verwaltungsfragen, gleichgültig ob Kommune, Land oder Bund zuständig ist – von der "
            "Kfz-Zulassung über Personalausweis und Eheschließung bis zum Sperrmüll. Grundlage ist eine "
            "Wissensdatenbank mit den Informationen aller Städte. Es gilt das 115-Serviceversprechen: 75 "
            "Prozent der Anrufe sollen binnen 30 Sekunden angenommen, 65 Prozent beim ersten Kontakt "
            "abschließend beantwortet werden, sonst gibt es innerhalb von 24 Stunden einen Rückruf."
        ),
        "participants": [
            Org("Kreis Mettmann"),
            "Erkrath",
            "Haan",
            "Heiligenhaus",
            "Hilden",
            "Langenfeld",
            "Mettmann",
            "Monheim am Rhein",
            "Ratingen",
            "Velbert",
            "Wülfrath",
        ],
        "lead": Org("Kreis Mettmann"),
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "lessonsLearned": (
            "Vorwahlgrenzen decken sich nicht mit Stadtgrenzen; Anrufende landen mitunter in "
            "Nachbar-Servicecentern, was nur dank gemeinsamer Datenbasis unproblematisch ist."
        ),
        "keywords": ["115", "Behördennummer", "Servicecenter", "Wissensdatenbank", "Kreis Mettmann"],
        "sources": [
            "http://www.rp-online.de/nrw/staedte/langenfeld/die-115-bietet-hilfe-im-behoerdendschungel-aid-1.4802557",
            "http://www.derwesten.de/staedte/velbert/kreis-mettmann-fuehrt-einheitliche-behoerdenhotline-115-ein-id10231727.html",
            "https://www.wz.de/nrw/kreis-mettmann/mettmann/hilft-neue-service-nummer-allen_aid-29309893",
        ],
    },
    {
        "title": "Info-Line Düsseldorf: Behördennummer 115 für Neuss und Kaarst",
        "description": (
            "Die Landeshauptstadt Düsseldorf nahm am Pilotprojekt des Bundes zur Behördennummer 115 teil "
            "und öffnete ihre Info-Line für Nachbarkommunen. Neuss schloss sich 2010 als erste Kommune "
            "im Rhein-Kreis Neuss an – nach Angaben Düsseldorfs die erste große Erweiterung aus einem "
            "Pilotgebiet heraus – und übertrug ihre Telefonzentrale an die Info-Line. Später folgte "
            "Kaarst: Der Hauptausschuss beauftragte die Verwaltung, entsprechende Vereinbarungen mit "
            "Düsseldorf und Neuss zu schließen. Die Beschäftigten der Info-Line verfügen über dieselben "
            "Informationen wie die Kolleginnen und Kollegen in den Rathäusern und verbinden auf Wunsch "
            "weiter. Neuss berichtete von hoher Servicequalität, entlasteten Dienststellen und "
            "geringeren Kosten."
        ),
        "participants": ["Düsseldorf", "Neuss", "Kaarst"],
        "lead": "Düsseldorf",
        "state": "NW",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "startDate": "2010",
        "lessonsLearned": (
            "Die Akzeptanz der 115 stieg deutlich, als Anrufe aus Festnetz und vielen Mobilfunknetzen zum Ortstarif möglich wurden."
        ),
        "keywords": ["115", "Info-Line", "Telefonzentrale", "Bürgerservice", "Rhein-Kreis Neuss"],
        "sources": [
            "https://rp-online.de/nrw/staedte/neuss/behoerden-ruf-115-nicht-fuer-alle_aid-12980905",
            "https://rp-online.de/nrw/staedte/kaarst/kaarst-bekommt-auch-behoerdennummer-115_aid-20394309",
        ],
    },
    # ------------------------------------------------------------------ examples outside NRW
    {
        "title": "Gemeinsamer Standesamtsbezirk Korbach und Diemelsee",
        "description": (
            "Die Kreisstadt Korbach und die Gemeinde Diemelsee im Landkreis Waldeck-Frankenberg haben "
            "einen gemeinsamen Standesamtsbezirk gebildet. Die Verwaltung des Diemelseer Standesamts, "
            "Urkunden und Register gingen nach Korbach; dort werden Aufgebote bestellt und Urkunden "
            "ausgestellt. Die Standesbeamtinnen in Diemelsee bleiben für Trauungen vor Ort zuständig und "
            "werden ansonsten in anderen Bereichen eingesetzt, Stellen fallen nicht weg. Die Kooperation "
            "entstand im Rahmen des Serviceverbunds Eisenberg, in dem die Kommunen bereits einen "
            "gemeinsamen Ordnungsbehördenbezirk gegründet hatten. Diemelsee spart vor allem EDV-Kosten; "
            "das eingesparte Geld soll nach Angaben des Serviceverbunds an anderer Stelle in der "
            "Gemeinde eingesetzt werden."
        ),
        "participants": ["Korbach", "Diemelsee"],
        "lead": "Korbach",
        "state": "HE",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "outcomeFigures": [{"label": "Einsparung der Gemeinde Diemelsee (rund)", "value": 11000, "unit": "EUR/Jahr"}],
        "lessonsLearned": "Trauungen vor Ort zu belassen und das Personal weiterzubeschäftigen, nimmt Vorbehalte.",
        "keywords": ["Standesamt", "Standesamtsbezirk", "Serviceverbund", "EDV-Kosten", "Waldeck-Frankenberg"],
        "sources": ["https://www.wlz-online.de/waldeck/korbach/standesaemter-besiegelt-5394364.html"],
    },
    {
        "title": "Standesamt Reinfeld – Nordstormarn",
        "description": (
            "Die Stadt Reinfeld (Holstein) und das Amt Nordstormarn im Kreis Stormarn haben per "
            "Kooperationsvereinbarung den gemeinsamen Standesamtsbezirk „Standesamt Reinfeld – "
            "Nordstormarn“ geschaffen, der zum 1. November 2019 in Kraft trat. Anlass war ein "
            "personeller Engpass im Amt. Reinfeld schafft für die zusätzlichen Aufgaben eine halbe "
            "Stelle und erhält dafür eine jährliche Kostenerstattung des Amtes; die bisherige "
            "Standesbeamtin des Amtes übernimmt andere Aufgaben. Heiratswillige aus den Amtsgemeinden "
            "können seither auch im historischen Rathaus von Reinfeld heiraten. Die Bürgermeister "
            "sprechen von einer Win-win-Situation."
        ),
        "participants": ["Reinfeld", Org("Amt Nordstormarn")],
        "lead": "Reinfeld",
        "state": "SH",
        "taskAreas": ["02"],
        "legalForm": "oerv-delegierend",
        "status": "im-betrieb",
        "startDate": "2019-11-01",
        "keywords": ["Standesamt", "Standesamtsbezirk", "Personalengpass", "Kreis Stormarn"],
        "sources": ["https://www.wochenspiegel-online.de/index.php/2019/07/12/standesamtliche-zusammenarbeit/"],
    },
    {
        "title": "Interkommunale Zusammenarbeit im Standesamtswesen Waldkappel, Wehretal, Weißenborn und Ringgau",
        "description": (
            "Die Stadt Waldkappel und die Gemeinden Wehretal, Weißenborn und Ringgau im "
            "Werra-Meißner-Kreis arbeiten im Standesamtswesen zusammen. Standesbeamtinnen und "
            "Standesbeamte brauchen eine anspruchsvolle Ausbildung und regelmäßige Fortbildung, kleine "
            "Kommunen haben aber oft nur Stellenanteile für diese Aufgabe. Fällt jemand ungeplant aus, "
            "etwa durch Krankheit, ist das Fachwissen kaum zu ersetzen. Die vier Kommunen haben sich "
            "deshalb im Standesamtswesen zusammengeschlossen und eine unkomplizierte, partnerschaftliche "
            "Lösung gefunden, um solche Ausfälle gemeinsam aufzufangen. Aus Sicht der Beteiligten hat "
            "die Kooperation für Bürgerinnen und Bürger nur Vorteile."
        ),
        "participants": ["Waldkappel", "Wehretal", "Weißenborn", "Ringgau"],
        "state": "HE",
        "taskAreas": ["02"],
        "legalForm": "oerv-mandatierend",
        "status": "im-betrieb",
        "keywords": ["Standesamt", "Vertretung", "Personenstandswesen", "Werra-Meißner-Kreis"],
        "sources": ["https://www.hna.de/lokales/witzenhausen/fuer-den-buerger-nur-vorteile-92039447.html"],
    },
    {
        "title": "Interkommunales Datenschutzprojekt saarländischer Kommunen",
        "description": (
            "Zehn saarländische Kommunen – die Gemeinden Ensdorf, Heusweiler, Illingen, Namborn, "
            "Quierschied, Schiffweiler und Wadgassen sowie die Städte Püttlingen, Lebach und Wadern – "
            "haben 2017 eine interkommunale Vereinbarung zum Datenschutz geschlossen. Gemeinsam "
            "entwickeln sie ein Datenschutzkonzept und standardisierte Verfahrensverzeichnisse für die "
            "in den Verwaltungen eingesetzten Fachverfahren. Weil jede Kommune rund 30 Fachverfahren "
            "nutzt und sich diese stark überschneiden, müssen große Verfahren wie Finanz- oder "
            "Meldesoftware nur einmal beschrieben werden. Experten aus IT und Recht begleiten das "
            "Projekt in einem Public-Private-Partnership-Modell, das Innenministerium des Saarlandes "
            "unterstützt es finanziell. Die Ergebnisse sollen weiteren Kommunen im Land zur Verfügung "
            "stehen."
        ),
        "participants": [
            "Illingen",
            "Ensdorf",
            "Heusweiler",
            "Namborn",
            "Quierschied",
            "Schiffweiler",
            "Wadgassen",
            "Püttlingen",
            "Lebach",
            "Wadern",
        ],
        "lead": "Illingen",
        "state": "SL",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "startDate": "2017",
        "fundingProgramme": "Förderung durch das Ministerium für Inneres des Saarlandes",
        "lessonsLearned": "Gleiche Fachverfahren erlauben fast vollständig übertragbare Verfahrensverzeichnisse.",
        "transferability": "Konzept ausdrücklich zur Nachnutzung durch weitere saarländische Kommunen gedacht.",
        "keywords": ["Datenschutz", "Verfahrensverzeichnis", "DSGVO", "Fachverfahren", "Saarland"],
        "sources": [
            "https://kommune21.de/meldung_25961.html",
            "http://www.arminkoenig.de/blog/tag/cyberschutz/",
        ],
    },
    {
        "title": "Gemeinsame Informationssicherheit der ILE Oberes Werntal",
        "description": (
            "Neun Kommunen der Integrierten Ländlichen Entwicklung „Oberes Werntal“ im Landkreis "
            "Schweinfurt – Bergrheinfeld, Dittelbrunn, Euerbach, Geldersheim, Niederwerrn, Poppenhausen, "
            "Waigolshausen, Wasserlosen und der Markt Werneck – vereinbarten Anfang 2019, gemeinsam ein "
            "Informationssicherheitssystem aufzubauen und einen gemeinsamen "
            "Informationssicherheitsbeauftragten zu benennen. Die Gemeinde Poppenhausen übernahm die "
            "Federführung, holte Angebote ein und stimmte die Förderanträge mit den anderen "
            "Geschäftsleitern ab; ein externer Dienstleister begleitete die Workshops inhaltlich. Die "
            "Regierung von Unterfranken förderte das auf mindestens fünf Jahre angelegte Projekt, das "
            "Ende 2023 auslief."
        ),
        "participants": [
            "Poppenhausen",
            "Bergrheinfeld",
            "Dittelbrunn",
            "Euerbach",
            "Geldersheim",
            "Niederwerrn",
            "Waigolshausen",
            "Wasserlosen",
            "Werneck",
        ],
        "lead": "Poppenhausen",
        "state": "BY",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "abgeschlossen",
        "startDate": "2019",
        "endDate": "2023-12-31",
        "fundingProgramme": "Förderung durch die Regierung von Unterfranken",
        "outcomes": "Die Gemeinden verfügen über ein Informationssicherheitskonzept und erfüllen ihre gesetzliche Verpflichtung.",
        "outcomeFigures": [{"label": "Förderquote der zuwendungsfähigen Kosten", "value": 85, "unit": "Prozent"}],
        "lessonsLearned": "Vor allem in der Abstimmungsphase und bei Dokumenten und Checklisten ließen sich Synergien nutzen.",
        "keywords": ["Informationssicherheit", "ISMS", "Informationssicherheitsbeauftragter", "ILE", "Unterfranken"],
        "sources": ["https://ol.wittich.de/titel/2058/ausgabe/1/2024/artikel/00000000000040689927-OL-2058-2024-3-1-0"],
    },
    {
        "title": "Interkommunaler Datenschutzbeauftragter Hagenbach, Kandel und Wörth am Rhein",
        "description": (
            "Die Verbandsgemeinden Hagenbach und Kandel und die Stadt Wörth am Rhein im Landkreis "
            "Germersheim wollen einen gemeinsam eingesetzten Datenschutzbeauftragten etablieren, der die "
            "drei Verwaltungen rechtlich, organisatorisch und technisch unterstützt. Die Stelle soll "
            "zugleich Anfragen nach dem Landestransparenzgesetz, Hinweisgebermeldungen und die "
            "Korruptionsprävention übernehmen. Das rheinland-pfälzische Innenministerium fördert die "
            "Einrichtung der Stelle, die Personalgewinnung, die Qualifizierung und die technische "
            "Ausstattung. Die drei Verwaltungen betreiben bereits eine gemeinsame zentrale "
            "Vergabestelle, die im Programm „Starke Kommunen – Starkes Land“ entstanden ist."
        ),
        "participants": ["Wörth am Rhein", Org("Verbandsgemeinde Hagenbach"), Org("Verbandsgemeinde Kandel")],
        "state": "RP",
        "taskAreas": ["01"],
        "legalForm": "oerv-mandatierend",
        "status": "in-umsetzung",
        "fundingProgramme": "IKZ-Förderung des Ministeriums des Innern und für Sport Rheinland-Pfalz",
        "lessonsLearned": "Eine erfolgreiche erste Kooperation (Vergabestelle) ebnete den Weg für weitere Querschnittsaufgaben.",
        "keywords": [
            "Datenschutzbeauftragter",
            "Transparenzgesetz",
            "Hinweisgeberschutz",
            "Korruptionsprävention",
            "Landkreis Germersheim",
        ],
        "sources": ["https://mdi.rlp.de/service/pressemitteilungen/detail/hagenbach-kandel-und-woerth-am-rhein-erhalten-ikz-foerderung"],
    },
]
