"""Units: what may follow (or, for currencies, precede) a number, and what it normalises to.

Normalised names follow the unit names of quantulum3 / CQE ("percentage", "dollar",
"pound sterling", "kilometre", "mile per hour", "year of age"), so they can be compared with
those tools' output. Every unit has a *dimension*: two quantities can be compared only when their
dimensions agree. Counted nouns ("31,000 overdose deaths", "13 people") are not in this table:
their unit is the noun itself and their dimension is "count".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang.en import table


@dataclass(frozen=True)
class Unit:
    name: str  # normalised
    dimension: str


# (surface forms, normalised name, dimension). Forms are matched case-insensitively unless
# they are listed in CASE_SENSITIVE below.
_TABLE: list[tuple[tuple[str, ...], str, str]] = [
    # ratios
    (("%", "percent", "per cent", "per-cent", "pct", "pc", "percentage", "percents",
      "precent", "pecent", "perecent", "procent"), "percentage", "percentage"),
    (("percentage points", "percentage point", "percentage-point", "percentage-points",
      "pct points", "pct pts", "ppt", "ppts", "pp"), "percentage point", "percentage point"),
    (("basis points", "basis point", "bps", "bp"), "basis point", "percentage point"),
    (("points", "point", "pts", "pt"), "point", "point"),
    (("parts per million", "part per million", "ppm"), "part per million", "ratio"),
    (("parts per billion", "part per billion", "ppb"), "parts-per-billion", "ratio"),
    (("times",), "count", "count"),
    # currencies written after the number
    (("dollars", "dollar", "usd", "us dollars", "u.s. dollars", "american dollars"), "dollar",
     "currency:USD"),
    (("australian dollars", "australian dollar", "aud"), "australian dollar", "currency:AUD"),
    (("new zealand dollars", "new zealand dollar", "nzd"), "new zealand dollar", "currency:NZD"),
    (("canadian dollars", "canadian dollar", "cad"), "canadian dollar", "currency:CAD"),
    (("hong kong dollars", "hong kong dollar", "hkd"), "hong kong dollar", "currency:HKD"),
    (("singapore dollars", "singapore dollar", "sgd"), "singapore dollar", "currency:SGD"),
    (("euros", "euro", "eur", "€"), "euro", "currency:EUR"),
    (("pounds sterling", "pound sterling", "sterling", "gbp", "£"), "pound sterling",
     "currency:GBP"),
    (("yen", "jpy", "¥"), "japanese yen", "currency:JPY"),
    (("yuan", "renminbi", "rmb", "cny"), "chinese yuan", "currency:CNY"),
    (("ringgit", "myr"), "malaysian ringgit", "currency:MYR"),
    (("sen",), "sen", "currency:MYR/100"),
    (("shekels", "shekel", "nis", "ils"), "shekel", "currency:ILS"),
    (("rupees", "rupee", "inr"), "indian rupee", "currency:INR"),
    (("pesos", "peso", "mxn"), "mexican peso", "currency:MXN"),
    (("won", "krw"), "south korean won", "currency:KRW"),
    (("rand", "zar"), "south african rand", "currency:ZAR"),
    (("lira", "lire", "try"), "turkish lira", "currency:TRY"),
    (("roubles", "rouble", "rubles", "ruble", "rub"), "russian ruble", "currency:RUB"),
    (("francs", "franc", "chf"), "swiss franc", "currency:CHF"),
    (("kronor", "krona", "sek"), "swedish krona", "currency:SEK"),
    (("kroner", "krone", "nok", "dkk"), "krone", "currency:NOK"),
    (("naira", "ngn"), "nigerian naira", "currency:NGN"),
    (("bitcoins", "bitcoin", "btc"), "bitcoin", "currency:BTC"),
    (("cents", "cent", "¢"), "cent", "currency:USD/100"),
    (("pence", "penny", "p"), "penny", "currency:GBP/100"),
    # length
    (("kilometres", "kilometre", "kilometers", "kilometer", "km", "kms"), "kilometre", "length"),
    (("metres", "metre", "meters", "meter", "m", "mtrs"), "metre", "length"),
    (("centimetres", "centimetre", "centimeters", "centimeter", "cm"), "centimetre", "length"),
    (("millimetres", "millimetre", "millimeters", "millimeter", "mm"), "millimetre", "length"),
    (("micrometres", "micrometre", "micrometers", "micrometer", "microns", "micron", "μm",
      "µm"), "micrometre", "length"),
    (("nanometres", "nanometre", "nanometers", "nanometer", "nm"), "nanometre", "length"),
    (("miles", "mile", "mi"), "mile", "length"),
    (("yards", "yard", "yds", "yd"), "yard", "length"),
    (("feet", "foot", "ft", "ft-long"), "foot", "length"),
    (("inches", "inch", "in."), "inch", "length"),
    (("light years", "light-years", "light year", "light-year"), "light year", "length"),
    (("nautical miles", "nautical mile"), "nautical mile", "length"),
    # area
    (("square kilometres", "square kilometre", "square kilometers", "square kilometer",
      "sq km", "km2", "km²"), "square kilometre", "area"),
    (("square metres", "square metre", "square meters", "square meter", "sq m", "sqm", "m2",
      "m²", "sq metres"), "square metre", "area"),
    (("square miles", "square mile", "sq miles", "sq mi"), "square mile", "area"),
    (("square feet", "square foot", "sq ft", "sqft"), "square foot", "area"),
    (("acres", "acre"), "acre", "area"),
    (("hectares", "hectare", "ha"), "hectare", "area"),
    # mass
    (("kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos", "kilo", "kg", "kgs"),
     "kilogram", "mass"),
    (("grams", "gram", "grammes", "gramme", "g", "gr"), "gram", "mass"),
    (("milligrams", "milligram", "mg"), "milligram", "mass"),
    (("micrograms", "microgram", "μg", "µg", "mcg"), "microgram", "mass"),
    (("pounds", "pound", "lbs", "lb"), "pound-mass", "mass"),
    (("ounces", "ounce", "oz"), "ounce", "mass"),
    (("tonnes", "tonne", "metric tons", "metric ton", "t"), "metric ton", "mass"),
    (("tons", "ton"), "ton", "mass"),
    (("gigatonnes", "gigatonne", "gigatons", "gigaton", "gt"), "gigaton", "mass"),
    (("megatonnes", "megatonne", "megatons", "megaton", "mt"), "megaton", "mass"),
    (("drams", "dram"), "dram", "mass"),
    (("carats", "carat"), "carat", "mass"),
    # volume
    (("litres", "litre", "liters", "liter", "l", "ltr"), "litre", "volume"),
    (("millilitres", "millilitre", "milliliters", "milliliter", "ml"), "millilitre", "volume"),
    (("gallons", "gallon", "gal"), "gallon", "volume"),
    (("pints", "pint"), "pint", "volume"),
    (("quarts", "quart"), "quart", "volume"),
    (("barrels", "barrel", "bbl"), "barrel", "volume"),
    (("cubic metres", "cubic metre", "cubic meters", "cubic meter", "m3", "m³"), "cubic metre",
     "volume"),
    (("cubic feet", "cubic foot", "cu ft"), "cubic foot", "volume"),
    (("fluid ounces", "fluid ounce", "fl oz"), "fluid ounce", "volume"),
    # time (durations)
    (("seconds", "second", "secs", "sec"), "second", "time"),
    (("minutes", "minute", "mins", "min"), "minute", "time"),
    (("hours", "hour", "hrs", "hr"), "hour", "time"),
    (("days", "day"), "day", "time"),
    (("weeks", "week", "wks"), "week", "time"),
    (("months", "month"), "month", "time"),
    (("years", "year", "yrs"), "year", "time"),
    (("decades", "decade"), "decade", "time"),
    (("centuries", "century"), "century", "time"),
    (("milliseconds", "millisecond", "ms"), "millisecond", "time"),
    # speed and rates
    (("miles per hour", "mile per hour", "miles an hour", "mph", "m.p.h.", "m.p.h"),
     "mile per hour", "speed"),
    (("kilometres per hour", "kilometers per hour", "kilometre per hour", "kilometer per hour",
      "km/h", "kmh", "kph", "km/hr"), "kilometre per hour", "speed"),
    (("metres per second", "meters per second", "metre per second", "meter per second", "m/s"),
     "metre per second", "speed"),
    (("knots", "knot"), "knot", "speed"),
    (("miles per gallon", "mile per gallon", "mpg"), "mile per gallon", "fuel economy"),
    (("revolutions per minute", "rpm"), "revolutions per minute", "frequency"),
    (("points per game", "ppg"), "point per game", "rate"),
    (("rebounds per game", "rpg"), "rebound per game", "rate"),
    (("assists per game", "apg"), "assist per game", "rate"),
    # power, energy, electricity
    (("horsepower", "hp", "ps"), "horsepower", "power"),
    (("brake horsepower", "bhp"), "brake horsepower", "power"),
    (("watts", "watt", "w"), "watt", "power"),
    (("kilowatts", "kilowatt", "kw"), "kilowatt", "power"),
    (("megawatts", "megawatt", "mw"), "megawatt", "power"),
    (("gigawatts", "gigawatt", "gw"), "gigawatt", "power"),
    (("kilowatt hours", "kilowatt-hours", "kilowatt hour", "kilowatt-hour", "kwh"),
     "kilowatt hour", "energy"),
    (("megawatt hours", "megawatt-hours", "megawatt hour", "megawatt-hour", "mwh"),
     "megawatt hour", "energy"),
    (("gigawatt hours", "gigawatt-hours", "gigawatt hour", "gigawatt-hour", "gwh"),
     "gigawatt hour", "energy"),
    (("calories", "calorie", "kcal"), "calorie", "energy"),
    (("joules", "joule", "j"), "joule", "energy"),
    (("volts", "volt", "v"), "volt", "voltage"),
    (("kilovolts", "kilovolt", "kv"), "kilovolt", "voltage"),
    (("amperes", "ampere", "amps", "amp", "a"), "ampere", "current"),
    (("milliampere-hours", "milliampere hours", "milliampere-hour", "mah"),
     "milliampere-hour", "charge"),
    (("farads", "farad", "f"), "farad", "capacitance"),
    (("newton metres", "newton meters", "newton-metres", "newton-meters", "nm"),
     "newton metre", "torque"),
    (("pound-feet", "pound feet", "pound-foot"), "pound-foot", "torque"),
    (("lb-ft", "lb ft", "lbs-ft", "foot-pounds", "ft-lb", "ft-lbs", "foot pounds"),
     "foot pound-force", "torque"),
    # frequency
    (("hertz", "hz"), "hertz", "frequency"),
    (("kilohertz", "khz"), "kilohertz", "frequency"),
    (("megahertz", "mhz"), "megahertz", "frequency"),
    (("gigahertz", "ghz"), "gigahertz", "frequency"),
    # data
    (("bytes", "byte"), "byte", "data"),
    (("kilobytes", "kilobyte", "kb"), "kilobyte", "data"),
    (("megabytes", "megabyte", "mb"), "megabyte", "data"),
    (("gigabytes", "gigabyte", "gb"), "gigabyte", "data"),
    (("terabytes", "terabyte", "tb"), "terabyte", "data"),
    (("bits", "bit"), "bit", "data"),
    (("megabits per second", "megabit per second", "mbps", "mbit/s", "mb/s"),
     "megabit per second", "data rate"),
    (("gigabits per second", "gigabit per second", "gbps", "gbit/s"), "gigabit per second",
     "data rate"),
    # temperature, angle, pressure, sound, radiation
    (("degrees fahrenheit", "degree fahrenheit", "degrees f", "fahrenheit", "°f", "ºf", "°ф"),
     "fahrenheit", "temperature"),
    (("degrees celsius", "degree celsius", "degrees centigrade", "degrees c", "celsius",
      "centigrade", "°c", "ºc"), "celsius", "temperature"),
    (("kelvin", "kelvins"), "kelvin", "temperature"),
    (("degrees", "degree", "°", "º"), "degree", "angle"),
    (("gigapascals", "gigapascal", "gpa"), "gigapascal", "pressure"),
    (("megapascals", "megapascal", "mpa"), "megapascal", "pressure"),
    (("kilopascals", "kilopascal", "kpa"), "kilopascal", "pressure"),
    (("pascals", "pascal", "pa"), "pascal", "pressure"),
    (("psi", "pounds per square inch"), "pound per square inch", "pressure"),
    (("ksi",), "kilopound per square inch", "pressure"),
    (("bars", "bar"), "bar", "pressure"),
    (("millibars", "millibar", "mb"), "millibar", "pressure"),
    (("decibels", "decibel", "db"), "decibel", "sound"),
    (("roentgens", "roentgen", "r"), "roentgen", "radiation"),
    (("sieverts", "sievert", "sv"), "sievert", "radiation"),
    (("millisieverts", "millisievert", "msv"), "millisievert", "radiation"),
    # vehicles, sport and other counted units named by convention
    (("cylinders", "cylinder"), "cylinder", "count"),
    (("g",), "generation wireless", "count"),
]

# Short symbols that are also words or letters: matched only with exactly these spellings
# (other forms of the table match whatever their case: "FEET", "Kilos").
SYMBOLS: dict[str, str] = {
    "m": "metre", "g": "gram", "G": "generation wireless", "l": "litre", "L": "litre",
    "t": "metric ton", "p": "penny", "a": "ampere", "A": "ampere", "f": "farad",
    "F": "fahrenheit", "C": "celsius", "v": "volt", "V": "volt", "W": "watt", "w": "watt",
    "R": "roentgen", "J": "joule", "mb": "millibar", "MB": "megabyte", "Mb": "megabit",
    "mt": "megaton", "Mt": "megaton", "MT": "megaton", "gt": "gigaton", "Gt": "gigaton",
    "nm": "nanometre", "Nm": "newton metre", "NM": "newton metre", "ms": "millisecond",
    "ha": "hectare", "in.": "inch", "in": "inch", "Pa": "pascal", "ps": "horsepower",
    "PS": "horsepower", "hp": "horsepower", "HP": "horsepower", "Hp": "horsepower",
    "mi": "mile", "min": "minute", "sec": "second", "pc": "percentage", "pp": "percentage point",
    "bp": "basis point", "pt": "point", "pts": "point", "ppt": "percentage point",
    "ppts": "percentage point", "sen": "sen", "ton": "ton", "tons": "ton", "bar": "bar",
    "bars": "bar", "Sv": "sievert", "dB": "decibel", "db": "decibel", "DB": "decibel",
    "kb": "kilobyte", "KB": "kilobyte", "Kb": "kilobit", "gb": "gigabyte", "GB": "gigabyte",
    "Gb": "gigabit", "TB": "terabyte", "tb": "terabyte", "gal": "gallon", "ltr": "litre",
    "gr": "gram", "oz": "ounce", "yd": "yard", "yds": "yard", "ft": "foot", "FT": "foot",
    "cm": "centimetre", "mm": "millimetre", "km": "kilometre", "KM": "kilometre",
    "Km": "kilometre", "kg": "kilogram", "KG": "kilogram", "Kg": "kilogram", "kgs": "kilogram",
    "kms": "kilometre", "ml": "millilitre", "mL": "millilitre", "mg": "milligram",
    "MW": "megawatt", "mw": "megawatt", "GW": "gigawatt", "gw": "gigawatt", "kW": "kilowatt",
    "KW": "kilowatt", "kw": "kilowatt", "Hz": "hertz", "HZ": "hertz", "hz": "hertz",
    "won": "south korean won", "rand": "south african rand", "mn": "",
}
# Symbols that are units only when glued to the digits ("5a", "2.5F" but never "5 a day").
GLUED_ONLY = {"a", "A", "f", "v", "V", "w", "W", "R", "J", "t", "l", "g", "G", "m", "p", "in",
              "ps", "pc", "pp", "bp", "ms", "ha", "nm", "mt", "gt", "db", "won", "rand", "Pa",
              "mb", "mi", "pt", "gr"}

# Currencies written before the number: "$6", "US$58.24", "HK $3.7 billion", "RM23.50",
# "€1,200", and the ASCII transliterations of £ and ¥ that some feeds produce ("PS6m", "Y=590").
CURRENCY_PREFIXES: dict[str, Unit] = {}
for forms, name, code in [
    (("US$", "US $", "U.S.$", "U.S. $", "$US", "$ US", "USD", "USD ", "US dollars "), "dollar",
     "USD"),
    (("A$", "A $", "AU$", "AU $", "AUD", "AUD ", "$A", "$AU"), "australian dollar", "AUD"),
    (("NZ$", "NZ $", "NZD", "NZD ", "$NZ"), "new zealand dollar", "NZD"),
    (("HK$", "HK $", "HKD", "HKD ", "$HK"), "hong kong dollar", "HKD"),
    (("S$", "S $", "SGD", "SGD ", "$S"), "singapore dollar", "SGD"),
    (("C$", "C $", "CA$", "CA $", "CAD", "CAD ", "$C"), "canadian dollar", "CAD"),
    (("NT$", "NT $", "TWD"), "new taiwan dollar", "TWD"),
    (("R$",), "brazilian real", "BRL"),
    (("MX$", "Mex$", "MXN"), "mexican peso", "MXN"),
    (("$",), "dollar", "USD"),
    (("€", "EUR", "EUR "), "euro", "EUR"),
    (("£", "GBP", "GBP ", "PS"), "pound sterling", "GBP"),
    (("¥", "Y=", "JPY", "JPY "), "japanese yen", "JPY"),
    (("CN¥", "RMB", "RMB ", "CNY", "CNY "), "chinese yuan", "CNY"),
    (("RM", "RM ", "MYR"), "malaysian ringgit", "MYR"),
    (("₹", "Rs", "Rs.", "Rs ", "Rs. ", "INR", "INR "), "indian rupee", "INR"),
    (("₪", "NIS", "NIS "), "shekel", "ILS"),
    (("₩", "KRW"), "south korean won", "KRW"),
    (("₽",), "russian ruble", "RUB"),
    (("₦",), "nigerian naira", "NGN"),
    (("CHF", "CHF ", "SFr", "Fr."), "swiss franc", "CHF"),
    (("R",), "south african rand", "ZAR"),
]:
    for form in forms:
        CURRENCY_PREFIXES[form] = Unit(name, f"currency:{code}")
for _row in table("unit_forms"):  # currency signs written before the number
    if _row["position"] == "before":
        CURRENCY_PREFIXES.setdefault(_row["written"], Unit(_row["unit"], _row["dimension"]))
# A bare "R" or "PS" before a number is a currency only when glued to the digits.
PREFIX_GLUED_ONLY = {"R", "PS", "Y=", "RM", "Rs", "S$"}
PREFIX_GLUED_ONLY |= {r["written"] for r in table("unit_forms") if r["position"] == "before" and r["glued"] == "yes"}

# Denominators after "per", "a", "an" or "/": "$58.24 per barrel", "RM79 a month".
PER_DENOMINATORS: dict[str, str] = {
    "second": "second", "sec": "second", "s": "second", "minute": "minute", "min": "minute",
    "hour": "hour", "hr": "hour", "h": "hour", "day": "day", "week": "week", "month": "month",
    "year": "year", "yr": "year", "annum": "year", "decade": "decade", "century": "century",
    "barrel": "barrel", "share": "share", "dozen": "dozen", "ounce": "ounce", "oz": "ounce", "gallon": "gallon",
    "gram": "gram", "g": "gram", "kilogram": "kilogram", "kg": "kilogram", "kilo": "kilogram",
    "tonne": "metric ton", "ton": "ton", "pound": "pound-mass", "lb": "pound-mass",
    "litre": "litre", "liter": "litre", "person": "person", "head": "head",
    "capita": "capita", "game": "game", "mmbtu": "mega british thermal unit",
    "megawatt hour": "megawatt hour", "mwh": "megawatt hour", "kwh": "kilowatt hour",
    "square foot": "square foot", "square metre": "square metre", "sq ft": "square foot",
    "unit": "unit", "night": "night", "visit": "visit", "dose": "dose", "pill": "pill",
    "seat": "seat", "passenger": "passenger", "student": "student", "household": "household",
    "cm2": "square centimetre", "cm²": "square centimetre", "m2": "square metre",
}
# Denominators that may follow "a"/"an" ("a share", "an ounce") - the rest need "per" or "/".
ARTICLE_DENOMINATORS = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "barrel",
    "share", "ounce", "gallon", "gram", "kilogram", "kilo", "tonne", "ton", "pound", "litre",
    "liter", "person", "head", "game", "night", "visit", "dose", "pill", "seat", "passenger",
    "student", "household", "unit", "dozen",
}
# "annually", "a year" - adverbs that make a rate.
RATE_ADVERBS = {
    "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
    "hourly": "hour",
}


def _build() -> tuple[dict[str, Unit], dict[str, Unit], dict[str, str]]:
    dimensions: dict[str, str] = {}
    insensitive: dict[str, Unit] = {}
    for forms, name, dimension in _TABLE:
        dimensions.setdefault(name, dimension)
        for form in forms:
            if form not in SYMBOLS:
                insensitive.setdefault(form.lower(), Unit(name, dimension))
    dimensions.update({"megabit": "data", "kilobit": "data", "gigabit": "data"})
    sensitive = {form: Unit(name, dimensions.get(name, "other"))
                 for form, name in SYMBOLS.items() if name}
    for row in table("unit_forms"):  # lang/en/unit_forms.tsv: spellings beyond this table
        dimensions.setdefault(row["unit"], row["dimension"])
        if row["position"] != "after":
            continue
        unit = Unit(row["unit"], dimensions[row["unit"]])
        if row["case"] == "exact":
            sensitive.setdefault(row["written"], unit)
        else:
            insensitive.setdefault(row["written"].lower(), unit)
        if row["glued"] == "yes":
            GLUED_ONLY.add(row["written"])
    return sensitive, insensitive, dimensions


SENSITIVE, INSENSITIVE, DIMENSIONS = _build()
_ALL_FORMS = sorted(set(SENSITIVE) | set(INSENSITIVE), key=len, reverse=True)
_BOUNDARY_AFTER = re.compile(r"(?![A-Za-z0-9À-ÿ])")


def match_unit(text: str, pos: int, glued: bool) -> tuple[int, Unit, str] | None:
    """The longest unit written at text[pos:], as (end, unit, surface); `glued` when the unit
    touches the digits ("5.5kWh"). A unit must end at a word boundary."""
    best: tuple[int, Unit, str] | None = None
    # Try candidate lengths from the longest form down.
    window = text[pos:pos + 32]
    for form in _candidates(window):
        end = pos + len(form)
        if not _BOUNDARY_AFTER.match(text, end) and form[-1] not in "%°º$€£¥.":
            continue
        surface = text[pos:end]
        unit = SENSITIVE.get(surface)
        if unit is None:
            unit = INSENSITIVE.get(surface.lower())
            if unit is not None and len(surface) <= 3 and surface.istitle() and \
                    len(surface) > 1:
                unit = None  # "Mi", "Sen": capitalised short forms are names, not units
        if unit is None:
            continue
        if not glued and surface in GLUED_ONLY:
            continue
        if best is None or end > best[0]:
            best = (end, unit, surface)
    return best


def _candidates(window: str) -> list[str]:
    low = window.lower()
    return [f for f in _ALL_FORMS if low.startswith(f.lower())]


def match_currency_prefix(text: str, end: int) -> tuple[int, Unit] | None:
    """A currency written just before position `end` (the first digit), as (start, unit)."""
    best: tuple[int, Unit] | None = None
    for form, unit in CURRENCY_PREFIXES.items():
        start = end - len(form)
        if start < 0 or text[start:end] != form:
            # "$ 75 million", "£ 8.10 million": a currency sign set off by a space (text whose
            # tokens were joined with spaces); letters never ("USD 5" is listed with its space)
            if start < 1 or form[-1].isalnum() or form[-1] == " " or text[start - 1:end] != form + " ":
                continue
            start -= 1
        if form in PREFIX_GLUED_ONLY or form[-1].isalpha():
            # letters must not be the tail of a longer word: "MARKS3" is no currency
            if start > 0 and text[start - 1].isalnum():
                continue
        if best is None or start < best[0]:
            best = (start, unit)
    return best


def dimension_of(name: str | None) -> str | None:
    """The dimension of a normalised unit name; None for counted nouns and bare numbers."""
    if not name:
        return None
    if name.startswith("% "):
        return "fraction"  # "% condo": a share of a whole (numbers/wholes.py)
    if " per " in name:
        head, _, tail = name.partition(" per ")
        return f"{DIMENSIONS.get(head, 'count')}/{tail}"
    return DIMENSIONS.get(name)


def is_currency(dimension: str | None) -> bool:
    return bool(dimension) and dimension.startswith("currency:")
