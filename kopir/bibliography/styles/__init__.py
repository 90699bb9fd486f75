"""Citation styles: a registry of GOST profiles (ГОСТ Р 7.0.100-2018 is the default)."""

from __future__ import annotations

from kopir.bibliography.styles.gost import Profile
from kopir.core.registry import Registry

PROFILES: Registry[Profile] = Registry("citation style", key="key")
register = PROFILES.register


GOST_7_0_100 = register(
    Profile(
        key="gost-r-7.0.100-2018",
        title="ГОСТ Р 7.0.100-2018",
        separator=". \u2013 ",
        heading_names=1,
        heading_comma=True,
        repeat_heading=True,
        content_form=True,
        gmd_print=False,
        gmd_electronic=False,
        abbreviate=False,
        online_prefix="URL: ",
        identifiers=True,
        kazakh_terms=False,
    )
)
GOST_7_0_5 = register(
    Profile(
        key="gost-r-7.0.5-2008",
        title="ГОСТ Р 7.0.5-2008",
        separator=". ",
        heading_names=3,
        heading_comma=False,
        repeat_heading=False,
        content_form=False,
        gmd_print=False,
        gmd_electronic=True,
        abbreviate=True,
        online_prefix="URL: ",
        identifiers=False,
        kazakh_terms=False,
        et_al_min=4,
        et_al_keep=1,
    )
)
GOST_7_1 = register(
    Profile(
        key="gost-7.1-2003",
        title="ГОСТ 7.1-2003",
        separator=". \u2013 ",
        heading_names=1,
        heading_comma=True,
        repeat_heading=True,
        content_form=False,
        gmd_print=True,
        gmd_electronic=True,
        abbreviate=True,
        online_prefix="Режим доступа: ",
        identifiers=True,
        kazakh_terms=True,
        et_al_min=4,
        et_al_keep=1,
    )
)
DEFAULT = GOST_7_0_100.key
