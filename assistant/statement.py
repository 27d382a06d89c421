"""The accessibility statement (tillgänglighetsredogörelse) of the public surface, in plain Swedish.

Lagen (2018:1937) om tillgänglighet till digital offentlig service, 10 § and 16 §, and the
model statement of the supervising authority (Digg) ask for: whose service it is, how accessible
it is (fully, partly or not compliant with EN 301 549 / WCAG 2.1 AA), what is not accessible and
why, how to ask for content in another form and report problems, where to complain (Digg), and how
and when the statement was made. The organisation and its contact come from the deployment
(``organisation`` and ``accessibility_contact`` in Settings, when it has them); the page is
static HTML without scripts, served with the viewer's strict CSP.
"""

from __future__ import annotations

import html
from typing import Any

__all__ = ["STATEMENT_DATE", "register_statement", "statement_page"]

# The day the statement was last reviewed against the browser tests (tests/test_a11y.py).
STATEMENT_DATE = "2026-11-30"
_PATHS = ("/tillganglighet", "/widget/tillganglighet")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)
DIGG_REPORT = "https://www.digg.se/tdosanmalan"
# Known gaps, each with the success criterion it misses; kept in step with tests/test_a11y.py.
KNOWN_ISSUES = (
    "Några korta felmeddelanden som ramverket (Gradio) skriver själv, till exempel när "
    "anslutningen bryts eller när mycket många förfrågningar kommer från samma adress, är "
    "alltid på engelska (WCAG 3.1.2, språk för delar av innehållet).",
    "Avtalstexterna visas som ren text. Rubriker, tabeller och listor i originaldokumenten "
    "(till exempel pdf-filer) är inte alltid uppmärkta som rubriker, tabeller och listor "
    "(WCAG 1.3.1, information och relationer).",
)

_CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #475569; --bg: #fff; --link: #1d4ed8; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #cbd5e1; --bg: #0d1117;
  --link: #93c5fd; } }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
main { max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
li { margin: .4rem 0; }
.meta { color: var(--muted); }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def statement_page(organisation: str | None = None, contact: str | None = None) -> str:
    """The statement as a standalone HTML page (``lang="sv"``, one ``h1``, no scripts)."""
    who = _e(organisation) if organisation else "Den organisation som har publicerat assistenten"
    if contact and "@" in contact and not contact.startswith(("http:", "https:")):
        reach = f'e-post till <a href="mailto:{_e(contact)}">{_e(contact)}</a>'
    elif contact:
        reach = f'<a href="{_e(contact)}">{_e(contact)}</a>'
    else:
        reach = "kontaktuppgifterna på webbplatsen där du använder assistenten"
    issues = "".join(f"<li>{_e(issue)}</li>" for issue in KNOWN_ISSUES)
    body = f"""
<main>
<h1>Tillgänglighets&shy;redogörelse för Avtalsassistenten</h1>
<p>{who} står bakom Avtalsassistenten, en tjänst där du kan ställa frågor om avtalstexter och få
svar som citerar texten ordagrant. Vi vill att så många som möjligt ska kunna använda tjänsten.
Här beskriver vi hur Avtalsassistenten uppfyller lagen (2018:1937) om tillgänglighet till
digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister till
oss så att vi kan rätta dem.</p>
<p>Redogörelsen gäller den publika delen av Avtalsassistenten: frågerutan (widgeten) som är
inbäddad på webbplatser, källvisaren som visar avtalstexten och den här sidan.</p>

<h2>Hur tillgänglig är tjänsten?</h2>
<p>Tjänsten är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital
offentlig service, på grund av de brister som beskrivs nedan. Du kan använda den med bara
tangentbord, förstora texten till 200 procent och använda den på en mobil utan att behöva
scrolla i sidled.</p>

<h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
<p>Om du behöver innehåll från Avtalsassistenten, till exempel ett avtal, i en annan form kan
du kontakta oss via {reach}. Vi svarar så snart vi kan.</p>

<h2>Rapportera brister i tjänstens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte
står på den här sidan, eller om du tycker att vi inte uppfyller lagens krav, kontakta oss via
{reach} så att vi får veta att problemet finns. Du kan också lämna tumme upp eller tumme ned
under ett svar.</p>

<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om
tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina
synpunkter kan du <a href="{DIGG_REPORT}">anmäla bristande tillgänglighet till Digg</a>.</p>

<h2>Teknisk information om tjänstens tillgänglighet</h2>
<p>Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på
grund av de brister som beskrivs nedan. Kraven följer standarden EN 301 549 och riktlinjerna
WCAG 2.1 på nivå AA; vi testar också mot WCAG 2.2 AA.</p>

<h2>Innehåll som inte är tillgängligt</h2>
<p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.</p>
<ul>{issues}</ul>

<h2>Hur vi testat tjänsten</h2>
<p>Vi har själva bedömt tjänsten (intern testning). Vid varje ändring av tjänsten körs
automatiska tester i webbläsaren Chromium: verktyget axe-core kontrollerar frågerutan,
källvisaren och den här sidan mot WCAG 2.0, 2.1 och 2.2 nivå A och AA, efter ett svar och
efter att assistenten sagt att texterna inte svarar, på en mobilskärm och en datorskärm. Testerna
kontrollerar också att varje kontroll har en synlig fokusmarkering, att allt går att använda med
bara tangentbord, att klickytor är minst 24 × 24 pixlar och att sidan går att läsa i 320 pixlars
bredd utan att scrolla i sidled. Vi har inte testat med skärmläsare.</p>
<p class="meta">Senaste bedömningen gjordes den {STATEMENT_DATE}. Redogörelsen uppdaterades senast
den {STATEMENT_DATE}.</p>
</main>"""
    return (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Tillgänglighetsredogörelse – Avtalsassistenten</title>"
        f"<style>{_CSS}</style></head><body>{body}</body></html>"
    )


def register_statement(app: Any, settings: Any) -> None:
    """Serve the statement at ``/tillganglighet`` and ``/widget/tillganglighet`` (the widget
    links to it relatively). Call before the widget is mounted, or the mount shadows the path."""
    from fastapi.responses import HTMLResponse

    page = statement_page(settings.organisation, settings.accessibility_contact)

    def statement() -> HTMLResponse:
        return HTMLResponse(page, headers={"Content-Security-Policy": _CSP})

    for path in _PATHS:
        app.add_api_route(path, statement, methods=["GET"], include_in_schema=False)
