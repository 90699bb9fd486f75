"""Forms of the book exchange workspace."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.exchange.marc import flavours
from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.marc.reader import CP1251, HEAD, UTF8, file_problem
from kopir.exchange.marc.writer import ISO2709, MARCXML
from kopir.exchange.models import ExchangeKind, Offer
from kopir.network.models import Organisation

MAX_MARC_BYTES = 100 * 1024 * 1024
ERROR_TOO_LARGE = _("The file is larger than 100 MB: split it, or use the import_marc command.")
FLAVOURS = [("", _("detect from each record")), *flavours.FLAVOURS.choices()]
ERROR_ISBN = _("This is not a valid ISBN.")
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
        head = upload.read(HEAD)
        upload.seek(0)
        problem = file_problem(head)  # empty, or not MARC at all: said before anything is stored
        if problem is not None:
            raise forms.ValidationError(problem.error)
        return upload


AS_IMPORTED = ""


class ExportForm(forms.Form):
    """How to write (format, file, encoding) and which records (a batch, a search or chosen
    ones; every record of the library by default)."""

    flavour = forms.ChoiceField(
        label=_("Format"), required=False, initial=AS_IMPORTED,
        choices=[(AS_IMPORTED, _("as each record came in")), *flavours.FLAVOURS.choices()],
        help_text=_("A record converted to the other format keeps only what Köpir describes of "
                    "it; the fields it loses are listed before you download."),
    )  # fmt: skip
    syntax = forms.ChoiceField(
        label=_("File"), choices=[(ISO2709, "ISO 2709"), (MARCXML, "MARCXML")], initial=ISO2709
    )
    encoding = forms.ChoiceField(
        label=_("Encoding"), required=False, initial=AS_IMPORTED,
        choices=[(AS_IMPORTED, _("as each record came in")), (UTF8, "UTF-8"),
                 (CP1251, "Windows-1251")],
        help_text=_("Windows-1251 (ИРБИС) cannot hold the Kazakh letters ә ғ қ ң ө ұ ү һ."),
    )  # fmt: skip
    skip_refused = forms.BooleanField(
        label=_("Leave out the records that Windows-1251 cannot hold"), required=False
    )
    accept_losses = forms.BooleanField(required=False, widget=forms.HiddenInput)
    batch = forms.IntegerField(required=False, widget=forms.HiddenInput)
    q = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    record = forms.TypedMultipleChoiceField(
        required=False, coerce=int, widget=forms.MultipleHiddenInput
    )

    def __init__(self, *args: Any, records: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the chosen ids are checked against the library's own records by the selector
        chosen = self.fields["record"]
        assert isinstance(chosen, forms.TypedMultipleChoiceField)  # noqa: S101 - declared above
        chosen.choices = [(pk, pk) for pk in records or []]


class OfferForm(forms.Form):
    kind = forms.ChoiceField(label=_("Offered as"), choices=ExchangeKind.choices)
    copies = forms.IntegerField(label=_("Copies"), min_value=1, max_value=500, initial=1)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class WishForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=1000)
    author = forms.CharField(label=_("Author"), max_length=300, required=False)
    isbn = forms.CharField(label="ISBN", max_length=30, required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_isbn(self) -> str:
        value = self.cleaned_data["isbn"].strip()
        if value and not normalise_isbn(value):
            raise forms.ValidationError(ERROR_ISBN)
        return value


class ShipmentForm(forms.Form):
    recipient = forms.ModelChoiceField(label=_("To"), queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=ExchangeKind.choices)
    return_due = forms.DateField(
        label=_("To be returned by (loans)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    offers = forms.ModelMultipleChoiceField(
        label=_("Books on offer to send"), queryset=Offer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, sender: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recipient = self.fields["recipient"]
        assert isinstance(recipient, forms.ModelChoiceField)  # noqa: S101 - declared above
        recipient.queryset = Organisation.objects.exclude(pk=sender.pk).order_by("name_ru")
        offered = self.fields["offers"]
        assert isinstance(offered, forms.ModelMultipleChoiceField)  # noqa: S101 - declared above
        offered.queryset = Offer.objects.filter(
            is_open=True, record__organisation=sender
        ).select_related("record")


class CatalogueForm(forms.Form):
    q = forms.CharField(label=_("Title, author or ISBN"), max_length=200, required=False)
    offered = forms.BooleanField(label=_("Only books on offer for exchange"), required=False)
    language = forms.CharField(required=False, max_length=3, widget=forms.HiddenInput)
    partner = forms.SlugField(required=False, widget=forms.HiddenInput)
    decade = forms.IntegerField(required=False, min_value=1500, max_value=2100,
                                widget=forms.HiddenInput)  # fmt: skip
