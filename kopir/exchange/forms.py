"""Forms of the book exchange workspace."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.reader import CP1251, UTF8
from kopir.exchange.marc.writer import ISO2709, MARCXML

MAX_MARC_BYTES = 100 * 1024 * 1024
ERROR_TOO_LARGE = _("The file is larger than 100 MB: split it, or use the import_marc command.")
ERROR_NOT_MARC = _("This is not a MARC file (ISO 2709 or MARCXML).")
FLAVOURS = [("", _("detect from each record")), (MARC21, "MARC 21"), (RUSMARC, "RUSMARC")]
ENCODINGS = [("", _("detect from each record")), (UTF8, "UTF-8"), (CP1251, "Windows-1251")]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("MARC file"), help_text=_("ISO 2709 (.iso, .mrc) or MARCXML; MARC 21 or RUSMARC.")
    )
    flavour = forms.ChoiceField(label=_("Format"), choices=FLAVOURS, required=False)
    encoding = forms.ChoiceField(label=_("Encoding"), choices=ENCODINGS, required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_MARC_BYTES:
            raise forms.ValidationError(ERROR_TOO_LARGE)
        head = upload.read(64)
        upload.seek(0)
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not (stripped[:5].isdigit() or stripped.startswith(b"<")):
            raise forms.ValidationError(ERROR_NOT_MARC)
        return upload


class ExportForm(forms.Form):
    flavour = forms.ChoiceField(
        label=_("Format"), choices=[(MARC21, "MARC 21"), (RUSMARC, "RUSMARC")], initial=MARC21
    )
    syntax = forms.ChoiceField(
        label=_("File"), choices=[(ISO2709, "ISO 2709"), (MARCXML, "MARCXML")], initial=ISO2709
    )
    encoding = forms.ChoiceField(
        label=_("Encoding"), choices=[(UTF8, "UTF-8"), (CP1251, "Windows-1251")], initial=UTF8,
        help_text=_("Windows-1251 (ИРБИС) cannot hold the Kazakh letters ә ғ қ ң ө ұ ү һ."),
    )  # fmt: skip
