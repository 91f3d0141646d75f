"""Invented vocabulary for the benchmark corpus: names, places, sentence parts and page furniture.

Everything here was written for this project (no publisher's text); the generator recombines it into
articles. Placeholders in braces are filled from the lists of the same name.
"""

from __future__ import annotations


def _split(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


FIRST = _split(
    "Amelia Daniel Priya Tomás Zoë Marcus Leila Henrik Chloé Samuel Ingrid Rafael Nadia Oliver "
    "Hannah Kwame Sofia Jonas Mariam Lucas Erin Mateo Yasmin Peter Aoife Dmitri Grace Omar Clara "
    "Felix Ruth Andrés Maya Victor Elena Kofi Rosa Benedikt Julia Tariq Isla Noah Esther René"
)
LAST = _split(
    "Hartley Okafor Lindqvist Moreau Castellano Brennan Novak Achterberg Fitzgerald Mbeki Sato "
    "Delacroix Whitcombe Oyelaran Kowalczyk Pereira Stroud Haddad Lindgren Ashworth Varga Quigley "
    "Marchetti Bjornsson Adeyemi Thornbury Salazar Kiplagat Vance Oduya Renner Holloway Ibarra "
    "Prescott Lucero Winslow Halvorsen Mendoza Carrow Ekwueme Dunmore Søndergaard Bellweather"
)
PLACE = _split(
    "Harrowgate|Port Alder|Kestrel Bay|New Linden|Marrowfield|Silverton|Eastmere|Caldwick|Brackenridge|"
    "Lower Fenwick|Ostrava Heights|Greyhaven|Millbrook|Saint Ormond|Thistledown|Redcliff|Westvale|"
    "Corran Falls|Ashby Cross|Hollow Creek|Norland|Pembury|Eldham|Rookwood|Vantor",
    "|",
)
ORG = _split(
    "city council|regional health authority|transport ministry|teachers' union|chamber of commerce|"
    "national weather service|port authority|water board|electoral commission|housing association|"
    "farmers' cooperative|energy regulator|university hospital|state audit office|fire service|"
    "central bank|environment agency|police department|football federation|museum trust",
    "|",
)
AGENCY = _split(
    "Northwire|Meridian Press|Harbor Images|Lumen Photo|Eastfield Agency|Pressline|Vantage Pictures", "|"
)
TOPIC = _split(
    "the new budget|rail fares|the hospital waiting lists|flood defences|the school curriculum|"
    "rent controls|the harbour expansion|wind farm permits|the pension reform|bus timetables|"
    "water quality|the stadium project|youth employment|the recycling scheme|fishing quotas|"
    "broadband coverage|the bridge repairs|tax relief for small firms|library opening hours|air pollution",
    "|",
)
DAY = _split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTH = _split("January February March April May June July August September October November December")
ROLE = _split(
    "spokesperson|deputy mayor|senior analyst|union representative|chief executive|local resident|"
    "committee chair|professor of economics|shop owner|head teacher|project manager|nurse",
    "|",
)
SITE = (
    "The Harrowgate Courier",
    "Kestrel Bay Daily",
    "Northern Ledger",
    "The Evening Lantern",
    "Coastline Times",
    "Valley Herald Online",
)

# Sentence parts: a head (subject + reporting verb) and a tail (what was said) make one body sentence.
HEAD = (
    "The {ORG} said on {DAY} that",
    "Officials in {PLACE} confirmed that",
    "{FIRST} {LAST}, a {ROLE} in {PLACE}, said that",
    "According to figures released by the {ORG},",
    "Speaking to reporters in {PLACE}, {FIRST} {LAST} argued that",
    "A report published by the {ORG} last week found that",
    "Residents of {PLACE} have complained that",
    "Critics of the plan, including the {ORG}, warned that",
    "In a statement issued on {DAY}, the {ORG} said",
    "{FIRST} {LAST}, who has followed the issue for years, believes that",
    "Supporters of the proposal in {PLACE} insist that",
    "The {ROLE} told a packed meeting in {PLACE} that",
    "Data from the {ORG} suggest that",
    "It is the first time since {MONTH} that",
    "Several members of the {ORG} said privately that",
    "Campaigners from {PLACE} said on {DAY} that",
    "Earlier this month the {ORG} admitted that",
    "Asked about the delay, {FIRST} {LAST} said that",
)
TAIL = (
    "spending on {TOPIC} would rise by {NUM} per cent over the next two years.",
    "the talks over {TOPIC} had stalled and would resume in {MONTH}.",
    "the decision on {TOPIC} was taken without proper consultation.",
    "more than {NUM} households in {PLACE} would be affected by the changes.",
    "the cost of {TOPIC} had almost doubled since the work began.",
    "a final vote on {TOPIC} is expected before the end of {MONTH}.",
    "the {ORG} had not been told about the plans in advance.",
    "there was no evidence that {TOPIC} had caused the problems reported in {PLACE}.",
    "about {NUM} people attended the meeting, far more than the organisers had expected.",
    "the project would create around {NUM} jobs in and around {PLACE}.",
    "it would publish a full review of {TOPIC} in the spring.",
    "the measures were temporary and would be reviewed in {MONTH}.",
    "{TOPIC} remained the most common concern raised by voters in {PLACE}.",
    "the figures for {MONTH} were the highest on record for the region.",
    "a compromise on {TOPIC} could still be reached if both sides made concessions.",
    "the money set aside for {TOPIC} was not enough to cover the shortfall.",
    "it was too early to say whether the changes to {TOPIC} were working.",
    "the plans for {TOPIC} would be put to a public consultation in {MONTH}.",
)
QUOTE = (
    "“We have listened to people in {PLACE} and we will act on what they told us,” {FIRST} {LAST} said.",
    "“Nobody expected the costs of {TOPIC} to rise this quickly,” said {FIRST} {LAST}, a {ROLE}.",
    "“This is a good day for {PLACE}, but the hard work starts now,” the {ROLE} added.",
    "“I have lived here for {NUM} years and I have never seen anything like it,” one resident said.",
    "“The numbers speak for themselves,” {FIRST} {LAST} told the meeting on {DAY}.",
)
SUBHEAD = (
    "What happens next",
    "A long dispute",
    "Reaction in {PLACE}",
    "The cost of {TOPIC}",
    "Questions remain",
    "How the plan works",
)
HEADLINE = (
    "{PLACE} Council Approves Plan on {TOPIC_T}",
    "Row Over {TOPIC_T} Deepens in {PLACE}",
    "{ORG_T} Warns of Delays to {TOPIC_T}",
    "Residents Protest as {PLACE} Weighs {TOPIC_T}",
    "{FIRST} {LAST} Named to Lead Review of {TOPIC_T}",
    "What the Vote on {TOPIC_T} Means for {PLACE}",
    "{ORG_T} Publishes Figures on {TOPIC_T}",
)

# Page furniture, by kind; a site style picks some of each.
MENU = ("Home", "News", "World", "Politics", "Business", "Sport", "Opinion", "Culture", "Local", "Weather")
CREDIT = (
    "Photo Credit: {FIRST} {LAST}/{AGENCY}",
    "Photo: {AGENCY}",
    "Image credit: {FIRST} {LAST}",
    "{FIRST} {LAST} | {AGENCY}",
)
CAPTION = (
    "{FIRST} {LAST} speaks to supporters in {PLACE}, {MONTH} {NUM2}, 2024.",
    "Residents gather outside the town hall in {PLACE} on {DAY}.",
    "The site of the planned works near {PLACE}. ({AGENCY} Photo/{FIRST} {LAST})",
)
BYLINE = (
    "By {FIRST} {LAST}",
    "By {FIRST} {LAST} and {FIRST2} {LAST2}",
    "By\n{FIRST} {LAST}",
    "{FIRST} {LAST}, {SITE}",
)
SHARE = (
    "Share this article on WhatsApp:",
    "Click to share on Facebook (Opens in new window)",
    "Click to share on Twitter (Opens in new window)",
    "Share on X",
    "Email",
    "Advertisement",
    "{NUM} shares",
)
RELATED = ("Read more: {HEADLINE}", "Related: {HEADLINE}", "Also read: {HEADLINE}")
BIO = (
    "{FIRST} {LAST} is a {ROLE_J} at {SITE}, covering {TOPIC} and local politics. "
    "Before joining the paper, {FIRST} worked for {NUM2} years as a freelance writer in {PLACE}.",
    "{FIRST} {LAST} is the {ROLE_J} of {SITE}. Send tips and corrections to the newsroom.",
)
ROLE_J = ("reporter", "senior correspondent", "political editor", "data journalist", "local news editor")
FOOTER = (
    "© 2024 {SITE}. All rights reserved.",
    "Subscribe to our newsletter for the latest news from {PLACE}.",
    "Tags: {PLACE}, {ORG_T}, Local News",
    "Comments are closed.",
)
