"""The reason asked for in the reader's language when the sender's page speaks another.

A reason pasted in the sender's language would make the e-mail a mix of two
languages (message.language_mixed); the composer would then drop it for the
category's general sentence. So the flows ask for it in the reader's language
from the start, prefilled with that sentence, and refuse one plainly written in
the other language, with the error next to the field.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext, pgettext

from takt import wording
from takt.core.pages import page_language
from takt.etiquette.language import language_of


def language_name(language: str) -> str:
    """ "svenska", "English": a language as it stands inside a sentence."""
    if language == "sv":
        return pgettext("language in a sentence", "Swedish")
    return pgettext("language in a sentence", "English")


def other_language(reader_language: str) -> str | None:
    """The reader's language when the page speaks another, else None (one language, no ask)."""
    return reader_language if reader_language != page_language() else None


def ask_in(form: forms.Form, reader_language: str, reader_name: str) -> dict[str, Any]:
    """Point the reason field at the reader's language and prefill the category's sentence.

    Returns what the template may show: the language the reason is asked in.
    """
    language = other_language(reader_language)
    if language is None:
        return {}
    field = form.fields["reason_text"]
    field.help_text = _ask(language, reader_name)
    # The browser's spelling check and a screen reader follow the text's own language.
    field.widget.attrs["lang"] = language
    choices = [str(value) for value, _label in field_choices(form)]
    if not form.is_bound and not form.initial.get("reason_text"):
        category = str(form.initial.get("reason_category") or choices[0])
        form.initial["reason_category"] = category
        form.initial["reason_text"] = wording.category_sentence(language, category)
    return {"reason_language": language}


def field_choices(form: forms.Form) -> list[tuple[Any, Any]]:
    field = form.fields["reason_category"]
    return list(getattr(field, "choices", []))


def reason_fits(form: forms.Form, reader_language: str, reader_name: str) -> bool:
    """False, with the error next to the field, when the reason is in the page's language.

    A prefilled sentence left as it was follows the category chosen after it (the
    page has no script to swap it), so "I have fallen ill." never goes out for travel.
    """
    language = other_language(reader_language)
    text = str(form.cleaned_data.get("reason_text") or "")
    if language is None or not text.strip():
        return True
    sentences = {wording.category_sentence(language, str(c)) for c, _l in field_choices(form)}
    if text.strip() in sentences:
        category = str(form.cleaned_data.get("reason_category") or "other")
        form.cleaned_data["reason_text"] = wording.category_sentence(language, category)
        return True
    written = language_of(text)
    if written is None or written == language:
        return True
    category = str(form.cleaned_data.get("reason_category") or "other")
    sentence = wording.category_sentence(language, category)
    form.add_error("reason_text", _refusal(language, reader_name, sentence))
    return False


def _ask(language: str, name: str) -> str:
    if language == "en":
        return gettext(
            "%(name)s reads English, so write the reason in English. "
            "The sentence here is a start you can change."
        ) % {"name": name}
    return gettext(
        "%(name)s reads Swedish, so write the reason in Swedish. "
        "The sentence here is a start you can change."
    ) % {"name": name}


def _refusal(language: str, name: str, sentence: str) -> str:
    if language == "en":
        return gettext(
            "%(name)s reads English: write the reason in English, for instance “%(sentence)s”"
        ) % {"name": name, "sentence": sentence}
    return gettext(
        "%(name)s reads Swedish: write the reason in Swedish, for instance “%(sentence)s”"
    ) % {"name": name, "sentence": sentence}


def their_language(interview: Any) -> tuple[str, str]:
    """The counterpart's language and first name: who reads what this side writes."""
    counterpart = interview.counterpart
    return counterpart.language, (counterpart.name.split() or [counterpart.name])[0]
