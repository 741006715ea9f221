#!/usr/bin/env python3
"""Generate the fictional 'Gemeente Buitenwijk' web site into ./site/.

Every person, phone number, e-mail address and birth date here is invented.
Street and town names are real places in the north of the Veluwe (Gelderland).
Pages use several hand-designed "CMS" templates so that the layouts differ:
  gemeente  - modern municipal CMS (definition lists, asides, footer with town hall)
  ris       - council information system (tables, cards, hCard, JSON-LD)
  partij    - WordPress-like party site (Lokaal Buitenwijk)
  dorps     - old table-layout HTML 4 party site (Dorpsbelang Buitenwijk), microdata
  krant     - local news site (Veluwse Courant)
  archief   - 2018 archive, encoded windows-1252
  extern    - small club pages, only reachable through an official's `urls`
  intern    - robots.txt-disallowed intranet with planted data (must never be read)
The literal __PORT__ is replaced by the server at serve time.
Run:  python3 make_site.py      (rewrites ./site/)
"""
from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"

PAGES: dict[str, tuple[str, str]] = {}  # path -> (content, encoding)


def put(path: str, html: str, encoding: str = "utf-8") -> None:
    assert path not in PAGES, path
    PAGES[path] = (html, encoding)


# ---------------------------------------------------------------- templates
GEM_NAV = """<nav class="main-nav" aria-label="Hoofdmenu"><ul>
<li><a href="/">Home</a></li><li><a href="/gemeenteraad/">Gemeenteraad</a></li>
<li><a href="/college/">College van B&amp;W</a></li><li><a href="/ris/personen/">Raadsinformatie</a></li>
<li><a href="/nevenfuncties.html">Nevenfuncties</a></li><li><a href="/contact.html">Contact</a></li></ul></nav>"""

GEM_FOOTER = """<footer class="site-footer"><div class="footer-cols">
<div><h4>Gemeente Buitenwijk</h4><p>Gemeentehuis Epe<br>Hoofdstraat 1, 8162 AB Epe<br>Postbus 600, 8160 AA Epe</p></div>
<div><h4>Bereikbaarheid</h4><p>Telefoon 14 0578 of (0578) 62 12 00<br>info@buitenwijk.example<br>Ma-vr 8.30-17.00 uur</p></div>
<div><h4>Volg ons</h4><p><a href="/nieuws/">Nieuws uit de regio</a> &middot; <a href="/archief/">Archief</a></p></div>
</div><p class="copy">&copy; 2024 Gemeente Buitenwijk &ndash; Epe, Vaassen, Emst, Oene, Heerde, Wapenveld en Hattem</p></footer>"""


def gemeente(title: str, crumbs: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Gemeente Buitenwijk</title><link rel="stylesheet" href="/css/gemeente.css"></head>
<body class="page"><a class="skiplink" href="#content">Naar de inhoud</a>
<header class="site-header"><a class="logo" href="/"><img src="/img/logo.svg" alt="Gemeente Buitenwijk"></a>
<form class="search" action="/zoeken" method="get"><input name="q" placeholder="Zoeken"></form></header>
{GEM_NAV}
<ol class="breadcrumb"><li><a href="/">Home</a></li>{crumbs}</ol>
<main id="content" class="container">
{body}
</main>
{GEM_FOOTER}
</body></html>
"""


RIS_SIDEBAR = """<aside class="ris-side"><h3>Raadsinformatie</h3><ul>
<li><a href="/ris/vergaderingen/">Vergaderingen</a></li><li><a href="/ris/personen/">Personen</a></li>
<li><a href="/ris/vergaderingen/2024-03-14.html">Raad 14 maart 2024</a></li>
<li><a href="/ris/vergaderingen/2024-04-11.html">Raad 11 april 2024</a></li></ul></aside>"""


def ris(title: str, body: str, head_extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{title} - RaadsPortaal Buitenwijk</title>
{head_extra}</head>
<body><div id="app" class="ris-layout">
<div class="ris-topbar"><span class="brand">RaadsPortaal</span> <span class="org">Gemeenteraad Buitenwijk</span>
<a class="btn" href="/">naar buitenwijk.example</a></div>
<div class="ris-wrap">{RIS_SIDEBAR}
<section class="ris-main">
{body}
</section></div>
<div class="ris-foot">Griffie gemeente Buitenwijk &middot; Hoofdstraat 1 &middot; 8162 AB Epe &middot; griffie@buitenwijk.example
<br><small>Powered by RaadsPortaal 4.2</small></div></div></body></html>
"""


def ris_card(name: str, card_body: str) -> str:
    """A RIS person page in the card layout (personen/1004 to 1006): only the card's rows differ."""
    return ris(name, f"""
<div class="person-header"><a href="/ris/personen/">&laquo; Alle personen</a></div>
<div class="card"><div class="card-header"><h1>{name}</h1></div>
<div class="card-body">{card_body}
</div></div>""")


PARTIJ_FOOTER = """<footer id="colophon" class="site-footer"><div class="widget-area">
<section class="widget widget_text"><h2 class="widget-title">Lokaal Buitenwijk</h2>
<div class="textwidget"><p>Partijbureau<br>Dorpsstraat 33<br>8171 BL Vaassen<br>0578-570570<br>info@lokaalbuitenwijk.example</p></div></section>
<section class="widget"><h2 class="widget-title">Recente berichten</h2><ul>
<li><a href="/partij/kandidatenlijst.html">Onze kandidatenlijst</a></li>
<li><a href="/partij/mensen/hanneke-mulder.html">Maak kennis met Hanneke</a></li></ul></section>
</div><div class="site-info">Trots gemaakt met WordPress &middot; Thema: Dorpsplein</div></footer>"""


def partij(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="nl-NL"><head><meta charset="UTF-8"><title>{title} &#8211; Lokaal Buitenwijk</title>
<meta name="generator" content="WordPress 6.4.3"><link rel='stylesheet' id='dorpsplein-style-css' href='/partij/wp-content/themes/dorpsplein/style.css' media='all'></head>
<body class="page-template-default page wp-custom-logo">
<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/partij/" rel="home">Lokaal Buitenwijk</a></p><p class="site-description">Dichtbij, voor iedereen</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/partij/">Home</a></li><li class="menu-item"><a href="/partij/mensen/hanneke-mulder.html">Mensen</a></li>
<li class="menu-item"><a href="/partij/kandidatenlijst.html">Kandidaten</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
{body}
</main></div></div>
{PARTIJ_FOOTER}
</div></body></html>
"""


def dorps(title: str, body: str) -> str:
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8"><TITLE>{title} - Dorpsbelang Buitenwijk</TITLE></HEAD>
<BODY BGCOLOR="#FFFFF0">
<TABLE WIDTH="760" BORDER="0" CELLPADDING="4" ALIGN="center">
<TR><TD COLSPAN="2" BGCOLOR="#336633"><FONT FACE="Verdana" COLOR="#FFFFFF" SIZE="5"><B>Dorpsbelang Buitenwijk</B></FONT></TD></TR>
<TR><TD WIDTH="150" VALIGN="top" BGCOLOR="#E0EEE0"><FONT FACE="Verdana" SIZE="2">
<A HREF="/dorpsbelang/">Home</A><BR><A HREF="/dorpsbelang/kandidaten.html">Kandidaten</A><BR>
<A HREF="/dorpsbelang/pieter-de-boer.html">Pieter de Boer</A><BR><A HREF="/dorpsbelang/gerrit-bosman.html">Gerrit Bosman</A><BR>
</FONT></TD><TD VALIGN="top"><FONT FACE="Verdana" SIZE="2">
{body}
</FONT></TD></TR>
<TR><TD COLSPAN="2" ALIGN="center"><FONT FACE="Verdana" SIZE="1">Secretariaat: Postbus 12, 8180 AA Heerde &nbsp;|&nbsp; Fractiekamer: gemeentehuis, Hoofdstraat 1, Epe &nbsp;|&nbsp; laatst bijgewerkt 12-02-2022</FONT></TD></TR>
</TABLE></BODY></HTML>
"""


def krant(title: str, body: str, date: str = "", author: str = "") -> str:
    byline = f'<p class="byline">Door <span class="author">{author}</span> &middot; <time>{date}</time></p>' if author else ""
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{title} | Veluwse Courant</title>
<meta property="og:site_name" content="Veluwse Courant"><meta property="og:type" content="article"></head>
<body><header class="vc-header"><div class="vc-logo"><a href="/nieuws/">Veluwse Courant</a></div>
<nav class="vc-regions"><a href="/nieuws/">Epe</a> <a href="/nieuws/">Heerde</a> <a href="/nieuws/">Hattem</a> <a href="/nieuws/">Vaassen</a></nav></header>
<main class="vc-main"><article class="vc-article"><h1 class="vc-title">{title}</h1>{byline}
{body}
</article><aside class="vc-related"><h2>Meer nieuws</h2><ul>
<li><a href="/nieuws/2024/brouwer-nieuwe-wethouder.html">Nieuwe wethouder ge&iuml;nstalleerd</a></li>
<li><a href="/nieuws/2024/dorpsfeest-epe.html">Dorpsfeest Epe groot succes</a></li>
<li><a href="/nieuws/2023/inbraken-heerde-vaassen.html">Inbraakgolf in Heerde en Vaassen</a></li></ul></aside></main>
<footer class="vc-footer">&copy; 2024 Veluwse Courant &middot; Redactie: Marktplein 2, 8181 CA Heerde &middot; tips@veluwsecourant.example</footer>
</body></html>
"""


# ---------------------------------------------------------------- home + gemeente
put("robots.txt", """User-agent: *
Disallow: /intern/

# Alle andere pagina's mogen worden geïndexeerd.
""")

put("index.html", gemeente("Welkom", "", """
<h1>Welkom bij de gemeente Buitenwijk</h1>
<p class="intro">Buitenwijk is de gemeente van Epe, Vaassen, Emst, Oene, Heerde, Wapenveld en Hattem.</p>
<div class="tiles">
<section class="tile"><h2>Bestuur</h2><ul>
<li><a href="/gemeenteraad/">De gemeenteraad</a></li>
<li><a href="/college/">Het college van burgemeester en wethouders</a></li>
<li><a href="/nevenfuncties.html">Register nevenfuncties</a></li>
<li><a href="/ris/personen/">Raadsinformatie: personen</a></li>
<li><a href="/ris/vergaderingen/">Raadsinformatie: vergaderingen</a></li>
</ul></section>
<section class="tile"><h2>Politieke partijen</h2><ul>
<li><a href="/partij/">Lokaal Buitenwijk</a></li>
<li><a href="/dorpsbelang/">Dorpsbelang Buitenwijk</a></li>
</ul></section>
<section class="tile"><h2>In het nieuws</h2><ul>
<li><a href="/nieuws/">Veluwse Courant: nieuws uit Buitenwijk</a></li>
<li><a href="/archief/">Archief van de oude website (2018)</a></li>
</ul></section>
<section class="tile"><h2>Verenigingen</h2><ul>
<li><a href="http://localhost:__PORT__/extern/sportclub-wapenveld.html">Sportclub Wapenveld (externe site)</a></li>
</ul></section>
</div>
<p class="small"><a href="/contact.html">Contact en openingstijden</a> &middot; <a href="/intern/">Intranet (medewerkers)</a></p>
"""))

put("contact.html", gemeente("Contact", '<li>Contact</li>', """
<h1>Contact</h1>
<div class="contact-grid">
<section><h2>Gemeentehuis</h2>
<p>Bezoekadres: Hoofdstraat 1, 8162 AB Epe<br>Postadres: Postbus 600, 8160 AA Epe</p>
<p>Telefoon: <a href="tel:+31578621200">(0578) 62 12 00</a> of 14 0578<br>
E-mail: <a href="mailto:info@buitenwijk.example">info@buitenwijk.example</a></p></section>
<section><h2>Servicepunt Heerde</h2>
<p>Burg. Smitstraat 2, 8181 AB Heerde<br>Alleen op afspraak, dinsdag en donderdag.</p></section>
<section><h2>Griffie</h2><p>Voor vragen over de gemeenteraad: griffie@buitenwijk.example, telefoon (0578) 62 12 50.</p></section>
</div>
"""))

put("gemeenteraad/index.html", gemeente("Gemeenteraad", '<li>Gemeenteraad</li>', """
<h1>De gemeenteraad</h1>
<p>De raad van Buitenwijk telt 23 leden. Hieronder vindt u de raadsleden per fractie.</p>
<h2>Lokaal Buitenwijk</h2><ul class="people">
<li><a href="/gemeenteraad/leden/jan-willem-van-der-horst.html">Jan-Willem van der Horst</a> (fractievoorzitter)</li>
<li><a href="/ris/personen/1005.html">Fatima El Amrani</a></li><li><a href="/ris/personen/1002.html">Ahmet Yilmaz</a></li>
<li><a href="/partij/mensen/willemijn-tiemens.html">Willemijn Tiemens</a></li></ul>
<h2>Dorpsbelang Buitenwijk</h2><ul class="people">
<li><a href="/dorpsbelang/pieter-de-boer.html">Pieter de Boer</a> (fractievoorzitter)</li>
<li><a href="/gemeenteraad/leden/marieke-jansen-postma.html">Marieke Jansen-Postma</a></li>
<li><a href="/ris/personen/1004.html">Klaas Dijkstra</a></li><li><a href="/dorpsbelang/gerrit-bosman.html">Gerrit Bosman</a></li>
<li><a href="/gemeenteraad/leden/dirk-jan-visser.html">Dirk-Jan Visser</a></li><li><a href="/ris/personen/1003.html">Bart Hofman</a></li></ul>
<h2>Samen Buitenwijk</h2><ul class="people">
<li><a href="/ris/personen/1001.html">Sophie van Leeuwen</a></li><li><a href="/ris/personen/1006.html">Esther Schouten</a></li></ul>
"""))

put("gemeenteraad/leden/marieke-jansen-postma.html", gemeente(
    "Marieke Jansen-Postma", '<li><a href="/gemeenteraad/">Gemeenteraad</a></li><li>Marieke Jansen-Postma</li>', """
<article class="person">
<h1>Marieke Jansen-Postma</h1><p class="lead">Raadslid Dorpsbelang Buitenwijk</p>
<img class="portrait" src="/img/raad/jansen-postma.jpg" alt="Portret van Marieke Jansen-Postma">
<dl class="person-details">
<dt>Fractie</dt><dd>Dorpsbelang Buitenwijk</dd>
<dt>Woonplaats</dt><dd>Vaassen</dd>
<dt>Lid sinds</dt><dd>29 maart 2018</dd>
<dt>Telefoon</dt><dd><a href="tel:0578612345">0578 - 61 23 45</a></dd>
<dt>E-mail</dt><dd><a href="mailto:m.jansen-postma@buitenwijk.example">m.jansen-postma@buitenwijk.example</a></dd>
<dt>Commissies</dt><dd>Samenleving; Auditcommissie</dd>
</dl>
<h2>Over Marieke</h2>
<p>Marieke is getrouwd met Wouter en heeft een zoon, Mees. Ze werkt als verpleegkundige in Apeldoorn
en zet zich in de raad vooral in voor zorg dichtbij huis.</p>
</article>"""))

put("gemeenteraad/leden/dirk-jan-visser.html", gemeente(
    "Dirk-Jan Visser", '<li><a href="/gemeenteraad/">Gemeenteraad</a></li><li>Dirk-Jan Visser</li>', """
<article class="person">
<h1>Dirk-Jan Visser</h1><p class="lead">Raadslid Dorpsbelang Buitenwijk, voorzitter auditcommissie</p>
<dl class="person-details">
<dt>Fractie</dt><dd>Dorpsbelang Buitenwijk</dd>
<dt>Functie</dt><dd>Raadslid, voorzitter auditcommissie</dd>
<dt>E-mail</dt><dd><a href="mailto:dj.visser@buitenwijk.example">dj.visser@buitenwijk.example</a></dd>
<dt>Spreekuur</dt><dd>Elke eerste maandag van de maand, 19.00 uur, in het gemeentehuis, Hoofdstraat 1 in Epe</dd>
</dl>
<p>Dirk-Jan Visser (1955) is oud-notaris en zit sinds 2010 in de raad. Hij kent Buitenwijk van Oene tot Hattem.</p>
</article>"""))

put("gemeenteraad/leden/jan-willem-van-der-horst.html", gemeente(
    "Jan-Willem van der Horst", '<li><a href="/gemeenteraad/">Gemeenteraad</a></li><li>Jan-Willem van der Horst</li>', """
<div class="profile-layout">
<article class="profile-main">
<h1>Jan-Willem van der Horst</h1>
<p class="role">Fractievoorzitter Lokaal Buitenwijk</p>
<p>Jan-Willem van der Horst is sinds maart 2024 raadslid en fractievoorzitter van Lokaal Buitenwijk.
Hij is getrouwd met Petra, vader van Sanne en Tim, en woont in Heerde. In het dagelijks leven is hij bedrijfsjurist.</p>
<p>Zijn speerpunten: betaalbaar wonen, veilige schoolroutes en een bereikbaar gemeentehuis.</p>
</article>
<aside class="profile-contact"><h3>Contact</h3><ul>
<li>Mobiel: +31 6 2345 6781</li>
<li>E-mail: JWvanderHorst@Ziggo.example</li></ul></aside>
</div>"""))

put("college/index.html", gemeente("College van B&amp;W", '<li>College</li>', """
<h1>College van burgemeester en wethouders</h1>
<div class="cards">
<div class="card"><h2>Burgemeester Carla Wessels</h2><p>Burgemeester Carla Wessels woont sinds haar benoeming in 2019 in Epe.
Zij is verantwoordelijk voor openbare orde en veiligheid.</p></div>
<div class="card"><h2><a href="/college/hanneke-mulder.html">Wethouder Hanneke Mulder</a></h2><p>Financi&euml;n, Onderwijs, Sport</p></div>
<div class="card"><h2><a href="/college/henk-brouwer.html">Wethouder Henk Brouwer</a></h2><p>Ruimtelijke ordening, Wonen, Verkeer</p></div>
</div>"""))

put("college/hanneke-mulder.html", gemeente(
    "Wethouder Hanneke Mulder", '<li><a href="/college/">College</a></li><li>Hanneke Mulder</li>', """
<article class="bestuurder">
<header><h1>Hanneke Mulder</h1><p class="subtitle">Wethouder namens Lokaal Buitenwijk</p></header>
<section><h2>Portefeuille</h2><ul><li>Financi&euml;n</li><li>Onderwijs</li><li>Sport</li></ul></section>
<section><h2>Over Hanneke</h2><p>Hanneke Mulder (45) woont met haar gezin in Epe. Voor haar wethouderschap was zij controller bij een zorginstelling.</p></section>
<section class="contact"><h2>Contact</h2>
<p>Secretariaat: <a href="tel:+31578621234">(0578) 62 12 34</a><br>
E-mail: <a href="mailto:hanneke.mulder@buitenwijk.example">hanneke.mulder@buitenwijk.example</a></p></section>
</article>"""))

put("college/henk-brouwer.html", gemeente(
    "Wethouder Henk Brouwer", '<li><a href="/college/">College</a></li><li>Henk Brouwer</li>', """
<article class="bestuurder">
<header><h1>Henk Brouwer</h1><p class="subtitle">Wethouder namens Samen Buitenwijk</p></header>
<p>Henk Brouwer werd geboren op 17 februari 1962 in Apeldoorn. Voor zijn wethouderschap was hij 25 jaar
docent aardrijkskunde aan het Veluws College in Wapenveld.</p>
<table class="contact-table"><caption>Contactgegevens</caption>
<tr><th scope="row">Secretariaat</th><td>0578-699123</td></tr>
<tr><th scope="row">E-mail</th><td>h.brouwer@buitenwijk.example</td></tr>
<tr><th scope="row">Mobiel (ook buiten kantoortijd)</th><td>06 5678 1234</td></tr>
</table>
</article>"""))

put("nevenfuncties.html", gemeente("Register nevenfuncties", '<li>Nevenfuncties</li>', """
<h1>Register nevenfuncties raadsleden en wethouders</h1>
<p>Op grond van de Gemeentewet (art. 12 en 41b) maken wij de nevenfuncties van raadsleden en wethouders openbaar.</p>
<table class="register">
<thead><tr><th>Naam</th><th>Functie</th><th>Nevenfunctie(s)</th><th>Bezoldigd</th></tr></thead>
<tbody>
<tr><td>H.J. Mulder</td><td>wethouder</td><td>Lid raad van toezicht Stichting Openbaar Onderwijs Veluwe</td><td>nee</td></tr>
<tr><td>H. Brouwer</td><td>wethouder</td><td>Voorzitter Stichting Dorpshuis Wapenveld (Dorpsstraat 1, Wapenveld)</td><td>nee</td></tr>
<tr><td>G. Bosman</td><td>raadslid</td><td>Eigenaar Bosman Advies (eenmanszaak), Burg. Smitstr. 8, 8181 AB Heerde, tel. 0578-691111, info@bosmanadvies.example</td><td>ja</td></tr>
<tr><td>W. Tiemens</td><td>raadslid</td><td>Penningmeester VV Emst, p/a Kerkweg 11, 8166 AJ Emst</td><td>nee</td></tr>
<tr><td>D.J. Visser</td><td>raadslid</td><td>Bestuurslid Stichting Oud-Epe</td><td>nee</td></tr>
<tr><td>M. Jansen-Postma</td><td>raadslid</td><td>Verpleegkundige Gelre ziekenhuizen Apeldoorn (hoofdfunctie)</td><td>ja</td></tr>
<tr><td>J.W. van der Horst</td><td>raadslid</td><td>Bedrijfsjurist (hoofdfunctie); bestuurslid Oranjevereniging Heerde</td><td>ja</td></tr>
</tbody></table>
<p class="small">Laatst bijgewerkt: 2 april 2024.</p>
"""))

# ---------------------------------------------------------------- RIS
put("ris/personen/index.html", ris("Personen", """
<h1>Personen</h1>
<table class="table table-striped"><thead><tr><th>Naam</th><th>Fractie</th><th>Rol</th></tr></thead><tbody>
<tr><td><a href="/ris/personen/1001.html">Leeuwen, S. van</a></td><td>Samen Buitenwijk</td><td>Raadslid</td></tr>
<tr><td><a href="/ris/personen/1002.html">Yilmaz, A.</a></td><td>Lokaal Buitenwijk</td><td>Raadslid</td></tr>
<tr><td><a href="/ris/personen/1003.html">Hofman, B.</a></td><td>Dorpsbelang Buitenwijk</td><td>Raadslid</td></tr>
<tr><td><a href="/ris/personen/1004.html">Dijkstra, K.</a></td><td>Dorpsbelang Buitenwijk</td><td>Raadslid</td></tr>
<tr><td><a href="/ris/personen/1005.html">El Amrani, F.</a></td><td>Lokaal Buitenwijk</td><td>Raadslid</td></tr>
<tr><td><a href="/ris/personen/1006.html">Schouten, E.</a></td><td>Samen Buitenwijk</td><td>Raadslid</td></tr>
<tr><td>Wessels, C.M.</td><td>-</td><td>Voorzitter (burgemeester)</td></tr>
</tbody></table>"""))

put("ris/personen/1001.html", ris("Sophie van Leeuwen", """
<div class="person-header"><a href="/ris/personen/">&laquo; Alle personen</a></div>
<div class="vcard person-card">
<h1 class="fn">Sophie van Leeuwen</h1>
<div class="org">Samen Buitenwijk</div>
<div class="role">Raadslid</div>
<div class="adr"><span class="street-address">Veldweg 3b</span>, <span class="postal-code">8167LN</span> <span class="locality">OENE</span></div>
<div>Tel: <span class="tel">06 123 987 45</span></div>
<div>E-mail: <span class="email">sophie.vanleeuwen [at] mail.example [punt] nl</span></div>
</div>
<h2>Commissies</h2><ul><li>Commissie Ruimte</li></ul>"""))

put("ris/personen/1002.html", ris("Ahmet Yilmaz", """
<div class="person-header"><a href="/ris/personen/">&laquo; Alle personen</a></div>
<div class="person-card"><h1>Ahmet Yilmaz</h1><p>Lokaal Buitenwijk &middot; Raadslid</p>
<p>Portefeuille binnen de fractie: ruimtelijke ordening en economie. Ahmet is ondernemer en zit sinds 2022 in de raad.</p></div>""",
    head_extra="""<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Person", "name": "Ahmet Yilmaz", "jobTitle": "Raadslid",
 "affiliation": {"@type": "Organization", "name": "Lokaal Buitenwijk"},
 "address": {"@type": "PostalAddress", "streetAddress": "Stationsstraat 31", "postalCode": "8051 DB", "addressLocality": "Hattem", "addressCountry": "NL"},
 "telephone": "+31 (0)6 98765432", "email": "mailto:ahmet.yilmaz@outlook.example", "birthDate": "1988-12-24",
 "spouse": {"@type": "Person", "name": "Elif Yilmaz"},
 "workLocation": {"@type": "Place", "name": "Gemeentehuis", "address": {"@type": "PostalAddress", "streetAddress": "Hoofdstraat 1", "postalCode": "8162 AB", "addressLocality": "Epe"}}}
</script>"""))

put("ris/personen/1003.html", ris("Bart Hofman", """
<div class="person-header"><a href="/ris/personen/">&laquo; Alle personen</a></div>
<h1>Hofman, B.</h1>
<table class="persoonsgegevens">
<tr><th>Naam</th><td>B. (Bart) Hofman</td></tr>
<tr><th>Fractie</th><td>Dorpsbelang Buitenwijk</td></tr>
<tr><th>Adres</th><td>Hoofdweg 150<br>8167 PM&nbsp;&nbsp;Oene</td></tr>
<tr><th>Telefoon</th><td>(0578) 64 12 34</td></tr>
<tr><th>E-mail</th><td>bart(at)hofman.example.nl</td></tr>
<tr><th>Geboortedatum</th><td>01/10/'69</td></tr>
<tr><th>Ge&iuml;nstalleerd</th><td>29-03-2018</td></tr>
</table>"""))

put("ris/personen/1004.html", ris_card("Klaas Dijkstra", """
<p><span class="label">Fractie</span> Dorpsbelang Buitenwijk</p>
<p><span class="label">Woonplaats</span> Emst</p>
<p><span class="label">Telefoon</span> 0645678123</p>
<p><span class="label">Commissies</span> Ruimte; Bestuur</p>"""))

put("ris/personen/1005.html", ris_card("Fatima El Amrani", """
<p><span class="label">Fractie</span> Lokaal Buitenwijk</p>
<p><span class="label">Woonplaats</span> Vaassen</p>
<p><span class="label">Telefoon</span> 06 - 345 678 12</p>
<p><a class="btn" href="mailto:fatima.elamrani@outlook.example">Stuur Fatima een e-mail</a></p>
<p class="note">Post voor de fractie: Lokaal Buitenwijk, Dorpsstraat 33, 8171 BL Vaassen</p>"""))

put("ris/personen/1006.html", ris_card("Esther Schouten", """
<p><span class="label">Fractie</span> Samen Buitenwijk</p>
<p><span class="label">Commissies</span> Samenleving</p>
<p>Contact via de griffie: griffie@buitenwijk.example, Hoofdstraat 1, Epe.</p>
<p><a href="/archief/raad-2018-schouten.cp1252.html">Profiel op de oude website (2018)</a></p>"""))

put("ris/vergaderingen/index.html", ris("Vergaderingen", """
<h1>Vergaderingen</h1>
<ul class="meetings">
<li><a href="/ris/vergaderingen/2024-03-14.html">Gemeenteraad, donderdag 14 maart 2024, 19.30 uur</a></li>
<li><a href="/ris/vergaderingen/2024-04-11.html">Gemeenteraad, donderdag 11 april 2024, 19.30 uur</a></li>
</ul>"""))

put("ris/vergaderingen/2024-03-14.html", ris("Gemeenteraad 14 maart 2024", """
<h1>Gemeenteraad &ndash; 14 maart 2024</h1>
<p class="meta">Locatie: Raadzaal &middot; Aanvang 19.30 uur &middot; Voorzitter: C.M. Wessels</p>
<table class="agenda"><thead><tr><th>Nr.</th><th>Onderwerp</th><th>Toelichting</th></tr></thead><tbody>
<tr><td>1</td><td>Opening</td><td></td></tr>
<tr><td>2</td><td>Onderzoek geloofsbrieven</td><td>De commissie heeft de geloofsbrieven onderzocht van mevrouw S. van Leeuwen,
geboren 25-06-1998 te Zwolle, en van de heer J.W. van der Horst, geboren 3-3-1975 te Heerde. Zij stelt voor beiden toe te laten.</td></tr>
<tr><td>3</td><td>Ingekomen stukken</td><td><ol type="a">
<li>Brief van W. Tiemens, 8166 AJ 9, namens de bewonersgroep Kerkweg, over verkeersveiligheid</li>
<li>Brief van de heer P. Smit, Kerkstraat 12, Vaassen, over het parkeerbeleid</li></ol></td></tr>
<tr><td>4</td><td>Insprekers</td><td>Mevrouw Marga Hulst (Bibliotheek Veluwe-Noord)</td></tr>
<tr><td>5</td><td>Raadsvoorstel herinrichting Brink Epe</td><td><a href="/ris/documenten/raadsvoorstel-2024-12.pdf">Raadsvoorstel (pdf)</a></td></tr>
<tr><td>6</td><td>Sluiting</td><td></td></tr>
</tbody></table>"""))

put("ris/vergaderingen/2024-04-11.html", ris("Gemeenteraad 11 april 2024", """
<h1>Gemeenteraad &ndash; 11 april 2024</h1>
<p class="meta">Locatie: Raadzaal gemeentehuis, Hoofdstraat 1, Epe &middot; Aanvang 19.30 uur</p>
<table class="agenda"><tbody>
<tr><td>1</td><td>Opening en mededelingen</td></tr>
<tr><td>2</td><td>Vragenuur: vragen van raadslid Dijkstra over de N309</td></tr>
<tr><td>3</td><td>Motie &lsquo;Veilig thuis voor volksvertegenwoordigers&rsquo;, ingediend door J.W. van der Horst (Lokaal Buitenwijk),
S. van Leeuwen (Samen Buitenwijk) en P. de Boer (Dorpsbelang Buitenwijk)</td></tr>
<tr><td>4</td><td><a href="/ris/documenten/besluitenlijst-2024-04-11.txt">Besluitenlijst (tekst)</a></td></tr>
</tbody></table>"""))

put("ris/documenten/besluitenlijst-2024-04-11.txt", """BESLUITENLIJST RAADSVERGADERING GEMEENTE BUITENWIJK
Datum: 11 april 2024

1. Opening en mededelingen
   De voorzitter opent de vergadering om 19.31 uur.

2. Vragenuur
   Raadslid K. Dijkstra (Dorpsbelang Buitenwijk) stelt vragen over de N309.
   Toezegging: het college stuurt de reactie per e-mail naar klaas.dijkstra@emst.example.

3. Motie 'Veilig thuis voor volksvertegenwoordigers'
   Aangenomen met 21 stemmen voor en 2 tegen.

De griffier, mr. A. Pel
""")

# a tiny PDF: must be skipped (not HTML/text); contains nothing personal
put("ris/documenten/raadsvoorstel-2024-12.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin-1")

# ---------------------------------------------------------------- partij (WordPress)
put("partij/index.html", partij("Home", """
<article class="page"><header class="entry-header"><h1 class="entry-title">Welkom bij Lokaal Buitenwijk</h1></header>
<div class="entry-content">
<p>Lokaal Buitenwijk is de lokale partij voor alle kernen van onze gemeente.</p>
<h2>Onze mensen</h2><ul>
<li><a href="/partij/mensen/hanneke-mulder.html">Hanneke Mulder</a> &ndash; wethouder</li>
<li><a href="/partij/mensen/jan-willem-van-der-horst.html">Jan-Willem van der Horst</a> &ndash; fractievoorzitter</li>
<li><a href="/partij/mensen/fatima-el-amrani.html">Fatima El Amrani</a> &ndash; raadslid</li>
<li><a href="/partij/mensen/willemijn-tiemens.html">Willemijn Tiemens</a> &ndash; raadslid</li></ul>
<p><a href="/partij/kandidatenlijst.html">Bekijk de volledige kandidatenlijst</a></p>
<h2>Meedoen?</h2><p>Wil je flyeren of helpen bij de campagne? Bel of app ons campagneteam: Rik Hendriks, 06-12873466.</p>
</div></article>"""))

put("partij/mensen/hanneke-mulder.html", partij("Hanneke Mulder", """
<article class="post type-team status-publish"><header class="entry-header"><h1 class="entry-title">Hanneke Mulder</h1></header>
<div class="entry-content">
<p><strong>Wethouder Financi&euml;n, Onderwijs en Sport</strong></p>
<p>Hanneke woont met haar gezin aan de Brink 4a in Epe. Samen met partner Joost en dochters Lieke en Fenna
fietst ze elke zomer over de Veluwe.</p>
<p>Vragen of idee&euml;n? <a href="tel:+31612873465">Bel Hanneke</a> of kom langs op ons spreekuur.</p>
</div></article>"""))

put("partij/mensen/jan-willem-van-der-horst.html", partij("Jan-Willem van der Horst", """
<article class="post type-team status-publish"><header class="entry-header"><h1 class="entry-title">Jan-Willem van der Horst</h1></header>
<div class="entry-content">
<p>Jan-Willem van der Horst (geboren op 3 maart 1975) is woonachtig aan de Kerkstraat 12 te Heerde,
getrouwd met Petra Smit en lijsttrekker van Lokaal Buitenwijk.</p>
<p>Mail hem gerust: jwvanderhorst@ziggo.example</p>
</div></article>"""))

put("partij/mensen/fatima-el-amrani.html", partij("Fatima El Amrani", """
<article class="post type-team status-publish"><header class="entry-header"><h1 class="entry-title">Fatima El Amrani</h1></header>
<div class="entry-content">
<p>Fatima El Amrani (37) is moeder van Nora en getrouwd met Youssef. Ze is woonachtig in Vaassen, waar ze
jarenlang het buurthuis runde.</p>
<p>Contact met de fractie loopt via fractievoorzitter Jan-Willem: 06-23456781.</p>
</div></article>"""))

put("partij/mensen/willemijn-tiemens.html", partij("Willemijn Tiemens", """
<article class="post type-team status-publish"><header class="entry-header"><h1 class="entry-title">Willemijn Tiemens</h1></header>
<div class="entry-content">
<p>Willemijn Tiemens (&deg; 5 mei 1977) is moeder van Sem, Luuk en Evi en woont met Arjan in Emst.
Ze is jurist en voetbalmoeder.</p>
<p>Bel Willemijn: 0031 6 77 88 99 00</p>
</div></article>"""))

put("partij/kandidatenlijst.html", partij("Kandidatenlijst", """
<article class="page"><header class="entry-header"><h1 class="entry-title">Kandidatenlijst</h1></header>
<div class="entry-content">
<table class="wp-block-table"><caption>Kandidatenlijst Lokaal Buitenwijk, gemeenteraadsverkiezingen 2022</caption>
<thead><tr><th>Nr.</th><th>Naam</th><th>Woonplaats</th></tr></thead><tbody>
<tr><td>1</td><td>Horst, J.W. van der (m)</td><td>Heerde</td></tr>
<tr><td>2</td><td>Mulder, H.J. (v)</td><td>Epe</td></tr>
<tr><td>3</td><td>El Amrani, F. (v)</td><td>Vaassen</td></tr>
<tr><td>4</td><td>Yilmaz, A. (m)</td><td>Hattem</td></tr>
<tr><td>5</td><td>Tiemens, W. (v)</td><td>Emst</td></tr>
<tr><td>6</td><td>Kamphuis, R. (m)</td><td>Oene</td></tr>
<tr><td>7</td><td>Brink, H. (m)</td><td>Epe</td></tr>
</tbody></table></div></article>"""))

# ---------------------------------------------------------------- Dorpsbelang (HTML 4)
put("dorpsbelang/index.html", dorps("Home", """
<H2>Welkom bij Dorpsbelang Buitenwijk</H2>
<P>Al sinds 1986 de stem van de dorpen in de gemeenteraad.</P>
<P><A HREF="kandidaten.html">Onze kandidaten voor 2022</A></P>
<UL><LI><A HREF="pieter-de-boer.html">Pieter de Boer, fractievoorzitter</A></LI>
<LI><A HREF="gerrit-bosman.html">Gerrit Bosman</A></LI></UL>"""))

put("dorpsbelang/kandidaten.html", dorps("Kandidaten", """
<H2>Onze kandidaten</H2>
<P>Op plek 1 staat opnieuw Pieter de Boer (Hattem), gevolgd door Marieke Jansen-Postma (Vaassen) en
Klaas Dijkstra (Emst). Nieuw op de lijst zijn Gerrit Bosman (Heerde), Dirk-Jan Visser (Epe) en Bart Hofman (Oene).
De lijst wordt gesloten door oud-wethouder Jan Timmer (Wapenveld).</P>"""))

put("dorpsbelang/pieter-de-boer.html", dorps("Pieter de Boer", """
<DIV ITEMSCOPE ITEMTYPE="https://schema.org/Person">
<H2 ITEMPROP="name">Pieter de Boer</H2>
<P><SPAN ITEMPROP="jobTitle">Fractievoorzitter</SPAN>, <SPAN ITEMPROP="affiliation">Dorpsbelang Buitenwijk</SPAN></P>
<P>Geboren: <TIME ITEMPROP="birthDate" DATETIME="1971-09-30">30 sept. 1971</TIME></P>
<P>Telefoon: <SPAN ITEMPROP="telephone">(038) 444 55 66</SPAN></P>
<P>E-mail: pdeboer [apenstaartje] home [punt] example</P>
<P>Pieter woont in Hattem met zijn vrouw Ingrid en hun kinderen Daan en Julia.</P>
</DIV>
<P>Samen met fractiegenoot Marieke Jansen-Postma (geboren 12 april 1990) vormt hij het duo dat de dorpen vertegenwoordigt.</P>"""))

put("dorpsbelang/gerrit-bosman.html", dorps("Gerrit Bosman", """
<H2>Gerrit Bosman</H2>
<P>Gerrit Bosman (1958) woont al zijn hele leven in Heerde en is getrouwd met Ria.
Hij is bereikbaar op 06 19 28 37 46.</P>
<P>De fractie vergadert elke dinsdag bij Pieter de Boer thuis, Molenstraat 18 in Hattem.</P>"""))

# ---------------------------------------------------------------- Veluwse Courant
put("nieuws/index.html", krant("Nieuws uit Buitenwijk", """
<ul class="vc-list">
<li><a href="/nieuws/2024/brouwer-nieuwe-wethouder.html">Henk Brouwer (62) uit Wapenveld is de nieuwe wethouder</a></li>
<li><a href="/nieuws/2024/dorpsfeest-epe.html">Dorpsfeest Epe groot succes</a></li>
<li><a href="/nieuws/2023/inbraken-heerde-vaassen.html">Inbraakgolf in Heerde en Vaassen</a></li>
<li><a href="/nieuws/2023/schaakkampioen-dijkstra.html">Klaas Dijkstra uit Wapenveld Veluws schaakkampioen</a></li>
<li><a href="/nieuws/2022/jubileum-bibliotheek.html">Zilveren jubileum bij de bibliotheek</a></li>
</ul>"""))

put("nieuws/2024/brouwer-nieuwe-wethouder.html", krant("Henk Brouwer ge&iuml;nstalleerd als wethouder", """
<p class="lead">WAPENVELD &ndash; Henk Brouwer (62) is dinsdagavond ge&iuml;nstalleerd als wethouder van Buitenwijk.</p>
<p>De oud-docent volgt Jan Timmer op, die om gezondheidsredenen stopte. Brouwer woont met zijn vrouw Gerda aan de
Apeldoornseweg 45 in Wapenveld. Het echtpaar heeft twee volwassen kinderen, Thijs en Femke.</p>
<p>&ldquo;Ik ken deze gemeente als mijn broekzak&rdquo;, zei Brouwer na afloop.</p>""", "12 maart 2024", "Anouk Mensink"))

put("nieuws/2024/dorpsfeest-epe.html", krant("Dorpsfeest Epe groot succes", """
<p class="lead">EPE &ndash; Duizenden bezoekers kwamen zaterdag af op het dorpsfeest.</p>
<p>Het feest begon bij caf&eacute; De Zwaan aan de Brink 4 in Epe. Wethouder Hanneke Mulder reikte aan het eind van de
middag de prijzen uit. Sanne de Vries won de prijs voor de mooist versierde fiets, Lieke Jansen de kleurwedstrijd
en Tim Bakker de zeskamp.</p>""", "24 juni 2024", "Bas Kleinjan"))

put("nieuws/2023/inbraken-heerde-vaassen.html", krant("Inbraakgolf in Heerde en Vaassen", """
<p class="lead">HEERDE/VAASSEN &ndash; De politie onderzoekt een reeks woninginbraken.</p>
<p>In Heerde werd ingebroken aan de Kerkstraat 14, in Vaassen aan de Kerkstraat 12 en aan de Stationsstraat 31.</p>
<p>Raadslid Jan-Willem van der Horst (Lokaal Buitenwijk), zelf inwoner van Heerde, wil dat de gemeente extra
buurtpreventie-apps ondersteunt.</p>""", "3 november 2023", "Anouk Mensink"))

put("nieuws/2022/jubileum-bibliotheek.html", krant("Zilveren jubileum bij de bibliotheek", """
<p>Marga Hulst, geboren op 3 maart 1975 in Zwolle, werkt dit jaar 25 jaar bij Bibliotheek Veluwe-Noord.
Voorzitter Margriet Visser bedankte haar met een bos bloemen.</p>""", "8 september 2022", "Bas Kleinjan"))

put("nieuws/2023/schaakkampioen-dijkstra.html", krant("Klaas Dijkstra uit Wapenveld Veluws schaakkampioen", """
<p>De 34-jarige Klaas Dijkstra uit Wapenveld won zondag in Emst het Veluws schaakkampioenschap.
Dijkstra woont met zijn vriendin Anouk in Wapenveld en speelt sinds zijn zevende bij SV De Toren.</p>""",
    "17 april 2023", "Bas Kleinjan"))

# ---------------------------------------------------------------- archive (windows-1252)
put("archief/index.html", gemeente("Archief", '<li>Archief</li>', """
<h1>Archief oude website</h1>
<p>Hieronder vindt u pagina's van de website zoals die in 2018 was. Deze pagina's worden niet meer bijgewerkt.</p>
<ul><li><a href="/archief/raad-2018-schouten.cp1252.html">Raadsleden 2018-2022: Esther Schouten</a></li></ul>"""))

put("archief/raad-2018-schouten.cp1252.html", """<html><head><title>Raadsleden 2018–2022 – Esther Schouten</title></head>
<body bgcolor="#ffffff"><table width="100%"><tr><td><img src="/archief/wapen.gif" alt="Wapen van Buitenwijk"></td>
<td><h1>Gemeente Buitenwijk – raadsleden 2018–2022</h1></td></tr></table>
<h2>Esther Schouten</h2>
<p>Esther Schouten, geboren op 19 augustus 1983 te Deventer, woonachtig aan de Beekstraat 22 te Epe, is getrouwd met
René Schouten en moeder van Zoë. ‘Ik wil dat Epe leefbaar blijft’, zegt ze.</p>
<p>Telefoon: 06-11223344 • e-mail: esther.schouten@mail.example.nl</p>
<p>Raadsvergoeding 2018: € 1.234,56 per maand.</p>
<hr><p><small>Oud-wethouder Jan Timmer is bereikbaar via het secretariaat: 0578-699123.</small></p>
</body></html>
""", "cp1252")

# ---------------------------------------------------------------- extern (only via an official's urls)
put("extern/buurtvereniging-de-brink.html", """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Buurtvereniging De Brink, Epe – Bestuur</title></head><body>
<h1>Buurtvereniging De Brink, Epe</h1><h2>Bestuur</h2>
<table border="1"><tr><th>Functie</th><th>Naam</th><th>Adres</th></tr>
<tr><td>Voorzitter</td><td>Hanneke Mulder</td><td>Brink 4a</td></tr>
<tr><td>Secretaris</td><td>Gert-Jan Wolters</td><td>Brink 6</td></tr>
<tr><td>Penningmeester</td><td>Ineke Vos</td><td>Brink 11</td></tr></table>
<p>Contact: hanneke.mulder(at)kpnmail.example</p>
</body></html>
""")

put("extern/sportclub-wapenveld.html", """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Sportclub Wapenveld – Trainers</title></head><body>
<header><h1>Sportclub Wapenveld</h1></header>
<section class="trainers"><h2>Trainers jeugd</h2>
<div class="trainer"><h3>JO11-1</h3><p>Jeugdtrainer: Henk Brouwer, 06 - 567 812 34, henkbrouwer [at] kpnmail [dot] example</p></div>
<div class="trainer"><h3>JO13-2</h3><p>Jeugdtrainer: Marco Schuurman, 06 - 111 222 33</p></div>
</section></body></html>
""")

# ---------------------------------------------------------------- intern (robots: Disallow)
put("intern/index.html", gemeente("Intranet", '<li>Intranet</li>', """
<h1>Intranet</h1><p>Alleen voor medewerkers.</p><ul><li><a href="/intern/adreslijst.html">Adreslijst raad en college</a></li></ul>"""))

put("intern/adreslijst.html", gemeente("Adreslijst raad en college (VERTROUWELIJK)", '<li>Intranet</li>', """
<h1>Adreslijst raad en college &ndash; vertrouwelijk</h1>
<table><thead><tr><th>Naam</th><th>Adres</th><th>Telefoon</th><th>E-mail</th><th>Geboren</th><th>Partner</th></tr></thead><tbody>
<tr><td>Marieke Jansen-Postma</td><td>Stationsstraat 7, 8171 CD Vaassen</td><td>0578 612345</td><td>marieke@jansenpostma.example</td><td>12-04-1990</td><td>Wouter Jansen</td></tr>
<tr><td>Dirk-Jan Visser</td><td>Hoofdstraat 3, 8162 AB Epe</td><td>0578-621212</td><td>djvisser@home.example</td><td>31-01-1955</td><td>Margriet Visser</td></tr>
<tr><td>Klaas Dijkstra</td><td>Hanendorperweg 5, 8166 JB Emst</td><td>06 4567 8123</td><td>klaas.dijkstra@emst.example</td><td>02-12-1965</td><td>Anke Dijkstra</td></tr>
<tr><td>Hanneke Mulder</td><td>Brink 4a, 8161 EH Epe</td><td>06-12873465</td><td>hanneke.mulder@kpnmail.example</td><td>08-11-1979</td><td>Joost Verhoef</td></tr>
<tr><td>Fatima El Amrani</td><td>Dorpsstraat 35, 8171 BL Vaassen</td><td>06 - 345 678 12</td><td>fatima.elamrani@outlook.example</td><td>22-01-1986</td><td>Youssef El Amrani</td></tr>
<tr><td>Willemijn Tiemens</td><td>Kerkweg 9, 8166 AJ Emst</td><td>06-77889900</td><td>w.tiemens@mail.example.nl</td><td>05-05-1977</td><td>Arjan Tiemens</td></tr>
<tr><td>Bart Hofman</td><td>Hoofdweg 150, 8167 PM Oene</td><td>0578641234</td><td>bart@hofman.example.nl</td><td>01-10-1969</td><td>Linda Hofman</td></tr>
</tbody></table>"""))


def main() -> None:
    if SITE.exists():
        shutil.rmtree(SITE)
    for path, (content, enc) in PAGES.items():
        target = SITE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode(enc))
    n_html = sum(1 for p in PAGES if p.endswith(".html"))
    print(f"wrote {len(PAGES)} files ({n_html} HTML pages) to {SITE}")


if __name__ == "__main__":
    main()
