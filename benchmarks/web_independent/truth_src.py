#!/usr/bin/env python3
"""Writes truth.json and hard_negatives.json (kept as code so each entry can carry a comment).

truth.json: expected findings, one per (official_id, kind, subject, url).
  "optional": true  -> not counted either way (residence on a page that already shows the full home
                       address; a reported optional finding is neither a TP nor an FP).
hard_negatives.json: (official_id, kind, url) keys that must NOT be reported, with the trap described.
URLs are site paths; run.py normalises reported URLs the same way.
"""
import json
from collections import Counter
from pathlib import Path

T = []  # truth


def t(oid, kind, url, note, optional=False):
    T.append({"official_id": oid, "kind": kind,
              "subject": "household" if kind == "household_name" else "official",
              "url": url, "note": note, **({"optional": True} if optional else {})})


# bw-01 Hanneke Mulder, Brink 4a 8161 EH Epe
t("bw-01", "home_address", "/partij/mensen/hanneke-mulder.html", "woont met haar gezin aan de Brink 4a in Epe")
t("bw-01", "household_name", "/partij/mensen/hanneke-mulder.html", "Samen met partner Joost en dochters Lieke en Fenna")
t("bw-01", "phone", "/partij/mensen/hanneke-mulder.html", '<a href="tel:+31612873465">Bel Hanneke</a> (number only in href)')
t("bw-01", "residence", "/partij/mensen/hanneke-mulder.html", "full address page", optional=True)
t("bw-01", "home_address", "/extern/buurtvereniging-de-brink.html", "table row Voorzitter | Hanneke Mulder | Brink 4a (town only in title/heading 'Buurtvereniging De Brink, Epe')")
t("bw-01", "email", "/extern/buurtvereniging-de-brink.html", "hanneke.mulder(at)kpnmail.example")
t("bw-01", "residence", "/extern/buurtvereniging-de-brink.html", "town only in heading", optional=True)
t("bw-01", "residence", "/college/hanneke-mulder.html", "Hanneke Mulder (45) woont met haar gezin in Epe.")
t("bw-01", "residence", "/partij/kandidatenlijst.html", "table: Mulder, H.J. (v) | Epe")
# bw-02 Jan-Willem van der Horst, Kerkstraat 12 8181 BK Heerde
t("bw-02", "phone", "/gemeenteraad/leden/jan-willem-van-der-horst.html", "Mobiel: +31 6 2345 6781")
t("bw-02", "email", "/gemeenteraad/leden/jan-willem-van-der-horst.html", "E-mail: JWvanderHorst@Ziggo.example (mixed case)")
t("bw-02", "household_name", "/gemeenteraad/leden/jan-willem-van-der-horst.html", "getrouwd met Petra, vader van Sanne en Tim")
t("bw-02", "residence", "/gemeenteraad/leden/jan-willem-van-der-horst.html", "en woont in Heerde")
t("bw-02", "home_address", "/partij/mensen/jan-willem-van-der-horst.html", "woonachtig aan de Kerkstraat 12 te Heerde")
t("bw-02", "birth_date", "/partij/mensen/jan-willem-van-der-horst.html", "geboren op 3 maart 1975")
t("bw-02", "household_name", "/partij/mensen/jan-willem-van-der-horst.html", "getrouwd met Petra Smit")
t("bw-02", "email", "/partij/mensen/jan-willem-van-der-horst.html", "Mail hem gerust: jwvanderhorst@ziggo.example")
t("bw-02", "residence", "/partij/mensen/jan-willem-van-der-horst.html", "full address page", optional=True)
t("bw-02", "phone", "/partij/mensen/fatima-el-amrani.html", "via fractievoorzitter Jan-Willem: 06-23456781 (on another official's page)")
t("bw-02", "birth_date", "/ris/vergaderingen/2024-03-14.html", "de heer J.W. van der Horst, geboren 3-3-1975 te Heerde")
t("bw-02", "residence", "/partij/kandidatenlijst.html", "Horst, J.W. van der (m) | Heerde")
t("bw-02", "residence", "/nieuws/2023/inbraken-heerde-vaassen.html", "Jan-Willem van der Horst (Lokaal Buitenwijk), zelf inwoner van Heerde")
# bw-03 Gerrit Bosman, Burgemeester Smitstraat 8 8181 AB Heerde
t("bw-03", "home_address", "/nevenfuncties.html", "Eigenaar Bosman Advies (eenmanszaak), Burg. Smitstr. 8, 8181 AB Heerde")
t("bw-03", "residence", "/nevenfuncties.html", "full address page", optional=True)
t("bw-03", "residence", "/dorpsbelang/kandidaten.html", "Gerrit Bosman (Heerde)")
t("bw-03", "residence", "/dorpsbelang/gerrit-bosman.html", "woont al zijn hele leven in Heerde")
t("bw-03", "household_name", "/dorpsbelang/gerrit-bosman.html", "is getrouwd met Ria")
t("bw-03", "phone", "/dorpsbelang/gerrit-bosman.html", "bereikbaar op 06 19 28 37 46")
# bw-04 Fatima El Amrani, Dorpsstraat 35 8171 BL Vaassen
t("bw-04", "residence", "/ris/personen/1005.html", "card: Woonplaats Vaassen")
t("bw-04", "phone", "/ris/personen/1005.html", "Telefoon 06 - 345 678 12")
t("bw-04", "email", "/ris/personen/1005.html", 'mailto:fatima.elamrani@outlook.example, link text "Stuur Fatima een e-mail"')
t("bw-04", "household_name", "/partij/mensen/fatima-el-amrani.html", "moeder van Nora en getrouwd met Youssef")
t("bw-04", "residence", "/partij/mensen/fatima-el-amrani.html", "Ze is woonachtig in Vaassen")
t("bw-04", "residence", "/partij/kandidatenlijst.html", "El Amrani, F. (v) | Vaassen")
# bw-05 Pieter de Boer, Molenstraat 18 8051 GK Hattem
t("bw-05", "residence", "/dorpsbelang/kandidaten.html", "Pieter de Boer (Hattem)")
t("bw-05", "birth_date", "/dorpsbelang/pieter-de-boer.html", 'microdata <time itemprop="birthDate" datetime="1971-09-30">30 sept. 1971</time>')
t("bw-05", "phone", "/dorpsbelang/pieter-de-boer.html", 'microdata itemprop="telephone" (038) 444 55 66')
t("bw-05", "email", "/dorpsbelang/pieter-de-boer.html", "pdeboer [apenstaartje] home [punt] example")
t("bw-05", "residence", "/dorpsbelang/pieter-de-boer.html", "Pieter woont in Hattem")
t("bw-05", "household_name", "/dorpsbelang/pieter-de-boer.html", "met zijn vrouw Ingrid en hun kinderen Daan en Julia")
t("bw-05", "home_address", "/dorpsbelang/gerrit-bosman.html", "De fractie vergadert ... bij Pieter de Boer thuis, Molenstraat 18 in Hattem")
t("bw-05", "residence", "/dorpsbelang/gerrit-bosman.html", "full address of bw-05 on bw-03's page", optional=True)
# bw-06 Marieke Jansen-Postma, Stationsstraat 7 8171 CD Vaassen
t("bw-06", "residence", "/gemeenteraad/leden/marieke-jansen-postma.html", "<dt>Woonplaats</dt><dd>Vaassen</dd>")
t("bw-06", "phone", "/gemeenteraad/leden/marieke-jansen-postma.html", '<a href="tel:0578612345">0578 - 61 23 45</a>')
t("bw-06", "household_name", "/gemeenteraad/leden/marieke-jansen-postma.html", "getrouwd met Wouter en heeft een zoon, Mees")
t("bw-06", "residence", "/dorpsbelang/kandidaten.html", "Marieke Jansen-Postma (Vaassen)")
t("bw-06", "birth_date", "/dorpsbelang/pieter-de-boer.html", "fractiegenoot Marieke Jansen-Postma (geboren 12 april 1990)")
# bw-07 Klaas Dijkstra, Hanendorperweg 5 8166 JB Emst
t("bw-07", "residence", "/ris/personen/1004.html", "card: Woonplaats Emst (also reached via the redirecting /ris/persoon?id=1004)")
t("bw-07", "phone", "/ris/personen/1004.html", "Telefoon 0645678123")
t("bw-07", "residence", "/dorpsbelang/kandidaten.html", "Klaas Dijkstra (Emst)")
t("bw-07", "email", "/ris/documenten/besluitenlijst-2024-04-11.txt", "text/plain: per e-mail naar klaas.dijkstra@emst.example")
# bw-08 Sophie van Leeuwen, Veldweg 3-B 8167 LN Oene
t("bw-08", "home_address", "/ris/personen/1001.html", "hCard: Veldweg 3b, 8167LN OENE")
t("bw-08", "phone", "/ris/personen/1001.html", "hCard tel: 06 123 987 45")
t("bw-08", "email", "/ris/personen/1001.html", "sophie.vanleeuwen [at] mail.example [punt] nl")
t("bw-08", "residence", "/ris/personen/1001.html", "full address page", optional=True)
t("bw-08", "birth_date", "/ris/vergaderingen/2024-03-14.html", "mevrouw S. van Leeuwen, geboren 25-06-1998 te Zwolle")
# bw-09 Henk Brouwer, Apeldoornseweg 45 8191 AD Wapenveld
t("bw-09", "birth_date", "/college/henk-brouwer.html", "geboren op 17 februari 1962 in Apeldoorn")
t("bw-09", "phone", "/college/henk-brouwer.html", "Mobiel (ook buiten kantoortijd) | 06 5678 1234 (next to work number 0578-699123)")
t("bw-09", "home_address", "/nieuws/2024/brouwer-nieuwe-wethouder.html", "woont met zijn vrouw Gerda aan de Apeldoornseweg 45 in Wapenveld")
t("bw-09", "household_name", "/nieuws/2024/brouwer-nieuwe-wethouder.html", "zijn vrouw Gerda ... twee volwassen kinderen, Thijs en Femke")
t("bw-09", "residence", "/nieuws/2024/brouwer-nieuwe-wethouder.html", "full address page", optional=True)
t("bw-09", "residence", "/nieuws/index.html", "teaser: Henk Brouwer (62) uit Wapenveld is de nieuwe wethouder")
t("bw-09", "phone", "/extern/sportclub-wapenveld.html", "Jeugdtrainer: Henk Brouwer, 06 - 567 812 34")
t("bw-09", "email", "/extern/sportclub-wapenveld.html", "henkbrouwer [at] kpnmail [dot] example")
# bw-10 Esther Schouten, Beekstraat 22 8162 BN Epe  (windows-1252 page)
P10 = "/archief/raad-2018-schouten.cp1252.html"
t("bw-10", "home_address", P10, "woonachtig aan de Beekstraat 22 te Epe")
t("bw-10", "birth_date", P10, "geboren op 19 augustus 1983 te Deventer")
t("bw-10", "household_name", P10, "getrouwd met René Schouten en moeder van Zoë (both need correct cp1252 decoding)")
t("bw-10", "phone", P10, "Telefoon: 06-11223344")
t("bw-10", "email", P10, "e-mail: esther.schouten@mail.example.nl")
t("bw-10", "residence", P10, "full address page", optional=True)
# bw-11 Bart Hofman, Hoofdweg 150 8167 PM Oene
t("bw-11", "home_address", "/ris/personen/1003.html", "table: Adres | Hoofdweg 150<br>8167 PM  Oene")
t("bw-11", "phone", "/ris/personen/1003.html", "table: Telefoon | (0578) 64 12 34")
t("bw-11", "email", "/ris/personen/1003.html", "bart(at)hofman.example.nl")
t("bw-11", "birth_date", "/ris/personen/1003.html", "table: Geboortedatum | 01/10/'69")
t("bw-11", "residence", "/ris/personen/1003.html", "full address page", optional=True)
t("bw-11", "residence", "/dorpsbelang/kandidaten.html", "Bart Hofman (Oene)")
# bw-12 Willemijn Tiemens, Kerkweg 9 8166 AJ Emst
t("bw-12", "home_address", "/ris/vergaderingen/2024-03-14.html", "Brief van W. Tiemens, 8166 AJ 9, namens de bewonersgroep Kerkweg (postcode + huisnummer)")
t("bw-12", "residence", "/partij/kandidatenlijst.html", "Tiemens, W. (v) | Emst")
t("bw-12", "birth_date", "/partij/mensen/willemijn-tiemens.html", "Willemijn Tiemens (° 5 mei 1977)")
t("bw-12", "household_name", "/partij/mensen/willemijn-tiemens.html", "moeder van Sem, Luuk en Evi en woont met Arjan in Emst")
t("bw-12", "residence", "/partij/mensen/willemijn-tiemens.html", "woont met Arjan in Emst")
t("bw-12", "phone", "/partij/mensen/willemijn-tiemens.html", "Bel Willemijn: 0031 6 77 88 99 00")
# bw-13 Ahmet Yilmaz, Stationsstraat 31 8051 DB Hattem
t("bw-13", "home_address", "/ris/personen/1002.html", "JSON-LD address {Stationsstraat 31, 8051 DB, Hattem}")
t("bw-13", "phone", "/ris/personen/1002.html", 'JSON-LD telephone "+31 (0)6 98765432"')
t("bw-13", "email", "/ris/personen/1002.html", 'JSON-LD email "mailto:ahmet.yilmaz@outlook.example"')
t("bw-13", "birth_date", "/ris/personen/1002.html", 'JSON-LD birthDate "1988-12-24"')
t("bw-13", "household_name", "/ris/personen/1002.html", 'JSON-LD spouse "Elif Yilmaz"')
t("bw-13", "residence", "/ris/personen/1002.html", "full address page", optional=True)
t("bw-13", "residence", "/partij/kandidatenlijst.html", "Yilmaz, A. (m) | Hattem")
# bw-14 Dirk-Jan Visser, Hoofdstraat 3 8162 AB Epe (next door to the town hall, Hoofdstraat 1)
t("bw-14", "residence", "/dorpsbelang/kandidaten.html", "Dirk-Jan Visser (Epe)")

N = []  # hard negatives


def n(oid, kind, url, trap):
    N.append({"official_id": oid, "kind": kind, "url": url, "trap": trap})


GEM_PAGES = ["/", "/contact.html", "/gemeenteraad/", "/gemeenteraad/leden/marieke-jansen-postma.html",
             "/gemeenteraad/leden/dirk-jan-visser.html", "/gemeenteraad/leden/jan-willem-van-der-horst.html",
             "/college/", "/college/hanneke-mulder.html", "/college/henk-brouwer.html", "/nevenfuncties.html",
             "/archief/"]
for p in GEM_PAGES:
    n("bw-14", "home_address", p, "footer: town hall Hoofdstraat 1, 8162 AB Epe (official lives at Hoofdstraat 3, same postcode)")
    n("bw-14", "phone", p, "footer: town hall (0578) 62 12 00 (official's private 0578-621212)")
for p in ["/ris/personen/", "/ris/personen/1001.html", "/ris/personen/1006.html", "/ris/vergaderingen/2024-04-11.html"]:
    n("bw-14", "home_address", p, "RIS footer / Raadzaal: Hoofdstraat 1 (8162 AB) Epe")
for p in ["/dorpsbelang/", "/dorpsbelang/kandidaten.html"]:
    n("bw-14", "home_address", p, "footer: Fractiekamer: gemeentehuis, Hoofdstraat 1, Epe")
n("bw-14", "residence", "/gemeenteraad/leden/dirk-jan-visser.html", "own page, only town-hall town (spreekuur in het gemeentehuis, Hoofdstraat 1 in Epe; footer Gemeentehuis Epe)")
n("bw-14", "email", "/gemeenteraad/leden/dirk-jan-visser.html", "work e-mail dj.visser@buitenwijk.example")
n("bw-14", "birth_date", "/gemeenteraad/leden/dirk-jan-visser.html", "birth year only: Dirk-Jan Visser (1955)")
n("bw-14", "household_name", "/nieuws/2022/jubileum-bibliotheek.html", "Voorzitter Margriet Visser (page not about the official)")
n("bw-01", "email", "/college/hanneke-mulder.html", "work e-mail hanneke.mulder@buitenwijk.example (same local part as private)")
n("bw-01", "phone", "/college/hanneke-mulder.html", "work phone (0578) 62 12 34")
n("bw-01", "phone", "/partij/", "campaign team Rik Hendriks, 06-12873466 (one digit off)")
n("bw-01", "home_address", "/nieuws/2024/dorpsfeest-epe.html", "café De Zwaan aan de Brink 4 in Epe (official: Brink 4a)")
n("bw-01", "household_name", "/nieuws/2024/dorpsfeest-epe.html", "Lieke Jansen de kleurwedstrijd (official named on the page, child 'Lieke')")
n("bw-01", "residence", "/nieuws/2024/dorpsfeest-epe.html", "Wethouder Hanneke Mulder reikte de prijzen uit; Epe is the event town")
n("bw-01", "residence", "/college/", "Burgemeester Carla Wessels woont ... in Epe (other person; Mulder linked on the page)")
n("bw-02", "household_name", "/nieuws/2024/dorpsfeest-epe.html", "Sanne de Vries won de prijs ... Tim Bakker de zeskamp (page not about him)")
n("bw-02", "home_address", "/nieuws/2023/inbraken-heerde-vaassen.html", "Kerkstraat 14 (Heerde, neighbour) and Kerkstraat 12 in Vaassen (other town)")
n("bw-02", "home_address", "/ris/vergaderingen/2024-03-14.html", "de heer P. Smit, Kerkstraat 12, Vaassen (same street+number, other town)")
n("bw-02", "household_name", "/ris/vergaderingen/2024-03-14.html", "de heer P. Smit (partner is Petra Smit)")
n("bw-02", "residence", "/ris/vergaderingen/2024-03-14.html", "geboren ... te Heerde (birth place, not residence)")
n("bw-02", "birth_date", "/nieuws/2022/jubileum-bibliotheek.html", "Marga Hulst, geboren op 3 maart 1975 (someone else)")
n("bw-04", "home_address", "/ris/personen/1005.html", "party office Dorpsstraat 33, 8171 BL Vaassen (official: 35)")
for p in ["/partij/", "/partij/mensen/fatima-el-amrani.html", "/partij/kandidatenlijst.html"]:
    n("bw-04", "home_address", p, "WordPress footer: Partijbureau Dorpsstraat 33, 8171 BL Vaassen")
n("bw-04", "phone", "/partij/mensen/fatima-el-amrani.html", "06-23456781 is bw-02's number on her page")
n("bw-03", "home_address", "/contact.html", "Servicepunt Heerde, Burg. Smitstraat 2, 8181 AB Heerde (official: 8)")
n("bw-03", "phone", "/nevenfuncties.html", "business line of Bosman Advies 0578-691111")
n("bw-03", "email", "/nevenfuncties.html", "business e-mail info@bosmanadvies.example")
n("bw-03", "birth_date", "/dorpsbelang/gerrit-bosman.html", "birth year only: Gerrit Bosman (1958)")
n("bw-03", "home_address", "/dorpsbelang/gerrit-bosman.html", "Molenstraat 18 in Hattem is bw-05's address")
n("bw-05", "birth_date", "/dorpsbelang/gerrit-bosman.html", "no date for de Boer here")
n("bw-06", "email", "/gemeenteraad/leden/marieke-jansen-postma.html", "work e-mail m.jansen-postma@buitenwijk.example")
n("bw-07", "residence", "/nieuws/2023/schaakkampioen-dijkstra.html", "namesake Klaas Dijkstra uit Wapenveld, won in Emst")
n("bw-07", "household_name", "/nieuws/2023/schaakkampioen-dijkstra.html", "namesake's girlfriend Anouk")
n("bw-09", "residence", "/college/henk-brouwer.html", "Wapenveld only as former workplace (docent aan het Veluws College in Wapenveld)")
n("bw-09", "email", "/college/henk-brouwer.html", "work e-mail h.brouwer@buitenwijk.example")
n("bw-09", "residence", "/nevenfuncties.html", "Stichting Dorpshuis Wapenveld (Dorpsstraat 1, Wapenveld)")
n("bw-10", "residence", "/ris/personen/1006.html", "own card, only griffie address Hoofdstraat 1, Epe")
n("bw-12", "home_address", "/nevenfuncties.html", "p/a Kerkweg 11, 8166 AJ Emst (official: Kerkweg 9)")
n("bw-12", "residence", "/nevenfuncties.html", "Penningmeester VV Emst (club name, not residence)")
n("bw-13", "home_address", "/nieuws/2023/inbraken-heerde-vaassen.html", "Stationsstraat 31 in Vaassen (official: Stationsstraat 31 Hattem)")
n("bw-06", "home_address", "/nieuws/2023/inbraken-heerde-vaassen.html", "Stationsstraat 31 in Vaassen (official: Stationsstraat 7 Vaassen)")
for oid in [f"bw-{i:02d}" for i in range(1, 15)]:
    n(oid, "*", "/intern/*", "robots.txt Disallow: /intern/ (adreslijst with everything)")

here = Path(__file__).resolve().parent
(here / "truth.json").write_text(json.dumps(T, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
(here / "hard_negatives.json").write_text(json.dumps(N, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print("truth:", len(T), "required:", sum(not x.get("optional") for x in T),
      dict(Counter(x["kind"] for x in T if not x.get("optional"))))
print("hard negatives:", len(N))
