"""Each rule id: a case where it fires and a close case where it does not."""

from typing import Any

import pytest

from takt.etiquette import RULES, check
from takt.etiquette.rules import REGISTRY
from tests.etiquette.cases import calm, finding, rules, with_interview


def slot(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


def test_every_rule_in_the_guidelines_is_registered_and_described() -> None:
    assert [rule.id for rule in RULES] == list(dict.fromkeys(rule.id for rule in RULES))
    assert set(REGISTRY) == {rule.id for rule in RULES}
    assert len(RULES) == 23
    for rule in RULES:
        assert rule.why_sv.endswith(".") and rule.why_en.endswith(".")


def test_a_calm_reschedule_has_no_findings() -> None:
    assert check(calm()) == {"ok": True, "findings": []}


# reschedule.last_resort


def test_last_resort_fires_when_the_other_plan_could_move() -> None:
    found = finding(calm(other_plans_movable=True), "reschedule.last_resort")
    assert found == {
        "rule": "reschedule.last_resort",
        "severity": "warn",
        "source": "M1.1",
        "message": "Du har sagt att den andra planen går att flytta. Flytta den i stället och "
        "behåll intervjun.",
    }


def test_last_resort_fires_when_the_question_is_unanswered() -> None:
    data = calm()
    del data["other_plans_movable"]
    assert "Pröva det först" in finding(data, "reschedule.last_resort")["message"]


def test_last_resort_is_quiet_when_the_other_plan_cannot_move_or_the_employer_asks() -> None:
    assert "reschedule.last_resort" not in rules(calm(other_plans_movable=False))
    assert "reschedule.last_resort" not in rules(calm(other_plans_movable=True, side="employer"))


# reason.leisure


def test_leisure_fires_on_the_category() -> None:
    data = calm(reason={"category": "leisure", "text": "Jag har något annat inplanerat."})
    assert finding(data, "reason.leisure")["source"] == "Tip 1"


def test_leisure_fires_on_the_words_in_either_language() -> None:
    assert "reason.leisure" in rules(
        calm(reason={"category": "other", "text": "Vi ska på helgresa."})
    )
    text = "I'm going out of town for the weekend."
    assert "reason.leisure" in rules(calm(reason={"category": "other", "text": text}))


def test_leisure_is_quiet_for_illness_and_for_a_cancel() -> None:
    assert "reason.leisure" not in rules(calm())
    leisure = {"category": "leisure", "text": "En fest."}
    assert "reason.leisure" not in rules(calm(action="cancel", reason=leisure))


# reason.missing


@pytest.mark.parametrize("reason", [None, {"category": "illness"}, {"text": "   "}])
def test_missing_reason_blocks(reason: Any) -> None:
    data = calm(reason=reason)
    result = check(data)
    assert result["ok"] is False
    assert finding(data, "reason.missing")["severity"] == "block"


def test_missing_reason_names_the_method_of_the_situation() -> None:
    assert finding(calm(reason=None), "reason.missing")["source"] == "M1.2"
    assert finding(calm(reason=None, action="cancel"), "reason.missing")["source"] == "M2.2"
    data = calm(reason=None, action="cancel", side="employer")
    assert finding(data, "reason.missing")["source"] == "M3.1"


def test_a_filled_position_or_a_followup_needs_no_reason_text() -> None:
    data = calm(action="cancel", side="employer", reason={"category": "position_filled"})
    assert "reason.missing" not in rules(data)
    assert "reason.missing" not in rules(calm(action="followup", reason=None))


# reason.too_long


def test_too_long_fires_above_the_limit_and_not_at_it() -> None:
    fifty = " ".join(["ord"] * 50)
    assert "reason.too_long" not in rules(calm(reason={"text": fifty}))
    found = finding(calm(reason={"text": fifty + " till"}), "reason.too_long")
    assert found["message"].startswith("Förklaringen är 51 ord lång. Korta ner den till högst 50")


def test_too_long_follows_the_policy_and_does_not_count_punctuation() -> None:
    data = calm(reason={"text": "Jag är sjuk - tyvärr !"}, policy={"max_reason_words": 3})
    assert finding(data, "reason.too_long")["message"].startswith("Förklaringen är 4 ord")
    assert "reason.too_long" not in rules(
        calm(reason={"text": "Sjuk - tyvärr !"}, policy={"max_reason_words": 2})
    )


# notice.short


def test_notice_short_at_23_hours_59_minutes_but_not_at_24_hours() -> None:
    data = with_interview(calm(now="2026-05-10T10:01:00+02:00"))
    found = finding(data, "notice.short")
    assert (
        found["message"]
        == "Intervjun börjar om 23 timmar och 59 minuter. Ring hellre än att mejla."
    )
    assert "notice.short" not in rules(calm(now="2026-05-10T10:00:00+02:00"))


def test_notice_short_in_english() -> None:
    found = finding(calm(now="2026-05-10T10:30:00+02:00"), "notice.short", "en")
    assert (
        found["message"]
        == "The interview starts in 23 hours and 30 minutes. Call rather than write."
    )


def test_notice_short_when_the_interview_has_started_or_passed() -> None:
    started = finding(calm(now="2026-05-11T10:20:00+02:00"), "notice.short")
    assert started["severity"] == "warn"
    assert "redan börjat, för 20 minuter sedan" in started["message"]
    passed = finding(calm(now="2026-05-11T12:00:00+02:00"), "notice.short", "en")
    assert "Monday 11 May at 10:00" in passed["message"]
    assert "already passed" in passed["message"]


def test_notice_short_is_only_about_changes() -> None:
    late = "2026-05-11T09:00:00+02:00"
    assert "notice.short" in rules(calm(now=late, action="cancel"))
    assert "notice.short" not in rules(calm(now=late, action="followup"))


# notice.delayed


def test_delayed_fires_after_more_than_12_hours_of_knowing() -> None:
    data = calm(known_since="2026-05-03T20:59:00+02:00")
    assert finding(data, "notice.delayed")["message"].startswith(
        "Du har vetat om det här i 12 timmar och 1 minut."
    )
    assert "notice.delayed" not in rules(calm(known_since="2026-05-03T21:00:00+02:00"))


def test_delayed_counts_days_when_long() -> None:
    found = finding(calm(known_since="2026-05-01T07:00:00+02:00"), "notice.delayed", "en")
    assert found["message"].startswith("You have known about this for 3 days and 2 hours.")


# alternatives.too_few


def test_two_candidate_alternatives_are_enough_but_one_warns() -> None:
    data = calm()
    data["alternatives"] = data["alternatives"][:2]
    assert "alternatives.too_few" not in rules(data)
    data["alternatives"] = data["alternatives"][:1]
    found = finding(data, "alternatives.too_few")
    assert found["severity"] == "warn"
    assert found["message"] == (
        "Du föreslår 1 giltig tid men bör ge minst 2. Lägg till 1 till så att de kan välja."
    )


def test_two_employer_alternatives_block_and_three_do_not() -> None:
    data = calm(side="employer")
    assert "alternatives.too_few" not in rules(data)
    data["alternatives"] = data["alternatives"][:2]
    found = finding(data, "alternatives.too_few", "en")
    assert found["severity"] == "block"
    assert found["source"] == "M3.3"
    assert "You offer 2 valid times but should give at least 3. Add 1 more" in found["message"]
    assert check(data)["ok"] is False


def test_invalid_alternatives_do_not_count() -> None:
    data = calm()
    data["alternatives"][0] = slot("2026-05-12T11:00:00+02:00", "2026-05-12T10:00:00+02:00")
    data["alternatives"][1] = slot("2026-05-01T10:00:00+02:00", "2026-05-01T11:00:00+02:00")
    assert "alternatives.too_few" in rules(data)


def test_no_alternatives_at_all() -> None:
    found = finding(calm(alternatives=None), "alternatives.too_few")
    assert found["message"].startswith("Du föreslår ingen giltig tid men bör ge minst 2 tider.")


# alternatives.invalid


def test_invalid_names_the_reversed_and_the_past_alternative() -> None:
    data = calm()
    data["alternatives"][0] = slot("2026-05-12T11:00:00+02:00", "2026-05-12T10:00:00+02:00")
    data["alternatives"][2] = slot("2026-05-01T10:00:00+02:00", "2026-05-01T11:00:00+02:00")
    found = finding(data, "alternatives.invalid")
    assert found["severity"] == "block"
    assert found["message"] == (
        "Förslag 1 (tisdag 12 maj kl. 11.00 \u2013 tisdag 12 maj kl. 10.00) slutar innan det "
        "börjar; förslag 3 (fredag 1 maj kl. 10.00\u201311.00) har redan passerat. "
        "Rätta eller ta bort dem."
    )


def test_an_alternative_that_ends_as_it_starts_is_invalid() -> None:
    data = calm()
    data["alternatives"][1] = slot("2026-05-13T14:00:00+02:00", "2026-05-13T14:00:00+02:00")
    found = finding(data, "alternatives.invalid", "en")
    assert found["message"].startswith("Alternative 2 (")
    assert "alternatives.invalid" not in rules(calm())


def test_an_alternative_starting_right_now_is_valid() -> None:
    data = calm(now="2026-05-12T10:00:00+02:00")
    data["alternatives"][1:] = [
        slot("2026-05-20T10:00:00+02:00", "2026-05-20T11:00:00+02:00"),
    ]
    assert "alternatives.invalid" not in rules(data)


# alternatives.conflict


def test_conflict_names_which_alternative_and_which_busy_time() -> None:
    data = calm(busy=[slot("2026-05-13T14:30:00+02:00", "2026-05-13T16:00:00+02:00")])
    found = finding(data, "alternatives.conflict")
    assert found["severity"] == "block"
    assert found["message"] == (
        "Förslag 2 (onsdag 13 maj kl. 14.00\u201315.00) krockar med något i din kalender "
        "(onsdag 13 maj kl. 14.30\u201316.00). Välj en annan tid när du är ledig."
    )


def test_an_alternative_touching_a_busy_block_end_to_start_is_free() -> None:
    data = calm(
        busy=[
            slot("2026-05-13T13:00:00+02:00", "2026-05-13T14:00:00+02:00"),
            slot("2026-05-13T15:00:00+02:00", "2026-05-13T16:00:00+02:00"),
        ]
    )
    assert "alternatives.conflict" not in rules(data)


def test_conflict_sees_a_long_block_that_started_long_before() -> None:
    data = calm(
        busy=[
            slot("2026-05-12T08:00:00+02:00", "2026-05-15T08:00:00+02:00"),
            slot("2026-05-12T09:00:00+02:00", "2026-05-12T09:30:00+02:00"),
        ]
    )
    assert finding(data, "alternatives.conflict", "en")["message"].startswith(
        "Alternative 1 (Tuesday 12 May at 10:00\u201311:00) clashes"
    )


def test_conflict_looks_only_at_valid_alternatives() -> None:
    # Alternative 3 has passed and overlaps the busy block: invalid says so, conflict stays quiet.
    data = calm(busy=[slot("2026-05-01T09:00:00+02:00", "2026-05-01T12:00:00+02:00")])
    data["alternatives"][2] = slot("2026-05-01T10:00:00+02:00", "2026-05-01T11:00:00+02:00")
    found = rules(data)
    assert "alternatives.invalid" in found
    assert "alternatives.conflict" not in found


def test_conflict_needs_a_connected_calendar() -> None:
    assert "alternatives.conflict" not in rules(calm(busy=None))


# alternatives.too_soon


def test_too_soon_fires_for_an_alternative_within_24_hours() -> None:
    data = calm(now="2026-05-11T10:30:00+02:00")
    found = finding(data, "alternatives.too_soon")
    assert found["message"] == (
        "Förslag 1 (tisdag 12 maj kl. 10.00\u201311.00) börjar om bara 23 timmar och 30 "
        "minuter. Föreslå tider minst 24 timmar fram så att de hinner planera."
    )
    assert "alternatives.too_soon" not in rules(calm(now="2026-05-11T10:00:00+02:00"))


# alternatives.same_day


def test_same_day_advises_an_employer_with_every_alternative_on_one_day() -> None:
    data = calm(
        side="employer",
        alternatives=[
            slot("2026-05-12T09:00:00+02:00", "2026-05-12T10:00:00+02:00"),
            slot("2026-05-12T13:00:00+02:00", "2026-05-12T14:00:00+02:00"),
            slot("2026-05-12T23:00:00+02:00", "2026-05-12T23:30:00+02:00"),
        ],
    )
    found = finding(data, "alternatives.same_day")
    assert found["severity"] == "advice"
    assert found["message"].startswith("Alla 3 förslag ligger på tisdag 12 maj.")


def test_same_day_uses_the_interview_zone_not_utc() -> None:
    # 23.30 and 00.30 Stockholm time are one UTC day but two local days.
    data = calm(
        side="employer",
        alternatives=[
            slot("2026-05-12T23:30:00+02:00", "2026-05-12T23:45:00+02:00"),
            slot("2026-05-13T00:30:00+02:00", "2026-05-13T01:00:00+02:00"),
            slot("2026-05-12T22:00:00+00:00", "2026-05-12T22:15:00+00:00"),
        ],
    )
    assert "alternatives.same_day" not in rules(data)
    assert "alternatives.same_day" not in rules(calm(side="employer"))


def test_same_day_is_only_for_an_employer_with_two_or_more_times() -> None:
    one_day = [
        slot("2026-05-12T09:00:00+02:00", "2026-05-12T10:00:00+02:00"),
        slot("2026-05-12T13:00:00+02:00", "2026-05-12T14:00:00+02:00"),
    ]
    assert "alternatives.same_day" in rules(calm(side="employer", alternatives=one_day))
    # The same times from a candidate: the guide asks this of the employer only (M3.3).
    assert "alternatives.same_day" not in rules(calm(side="candidate", alternatives=one_day))
    # One time is on one day by necessity; too_few speaks to that.
    single = rules(calm(side="employer", alternatives=one_day[:1]))
    assert "alternatives.too_few" in single and "alternatives.same_day" not in single


# contact.phone_first


def test_phone_first_warns_a_candidate_who_emails_without_calling() -> None:
    found = finding(calm(channel="email"), "contact.phone_first")
    assert found["severity"] == "warn"
    assert found["message"].startswith("Ring innan du mejlar")


def test_phone_first_counts_failed_calls_and_stops_at_two() -> None:
    one = [{"channel": "phone", "outcome": "no_answer"}]
    found = finding(calm(channel="voicemail", contact_attempts=one), "contact.phone_first", "en")
    assert found["message"].startswith("You have called once without getting through.")
    two = [*one, {"channel": "phone", "outcome": "left_message"}]
    assert "contact.phone_first" not in rules(calm(channel="email", contact_attempts=two))


def test_phone_first_is_quiet_once_they_were_reached_or_without_a_number() -> None:
    reached = [{"channel": "in_person", "outcome": "reached"}]
    assert "contact.phone_first" not in rules(calm(channel="email", contact_attempts=reached))
    assert "contact.phone_first" not in rules(calm(channel="email", phone_known=False))
    assert "contact.phone_first" not in rules(calm(channel="sms"))
    # A failed e-mail is no phone call.
    mailed = [{"channel": "email", "outcome": "failed"}] * 3
    assert "contact.phone_first" in rules(calm(channel="email", contact_attempts=mailed))


def test_phone_first_advises_an_employer_who_cancels_late_or_in_an_emergency() -> None:
    base = {"action": "cancel", "side": "employer", "channel": "email"}
    late = calm(now="2026-05-10T12:00:00+02:00", **base)
    assert finding(late, "contact.phone_first")["severity"] == "advice"
    assert finding(late, "contact.phone_first")["source"] == "M3.1"
    assert "contact.phone_first" in rules(calm(emergency=True, **base))
    assert "contact.phone_first" not in rules(calm(**base))


# message.apology_missing


def test_apology_missing_in_a_reschedule_and_a_followup() -> None:
    plain = {"language": "sv", "text": "Hej! Kan vi flytta intervjun till tisdag?"}
    found = finding(calm(message=plain), "message.apology_missing")
    assert found["source"] == "M1.4"
    followup = finding(calm(action="followup", message=plain), "message.apology_missing")
    assert followup["source"] == "M1.5"
    assert "Uppföljningen saknar en ursäkt" in followup["message"]


def test_apology_missing_says_why_a_look_alike_does_not_count() -> None:
    regret = {"language": "sv", "text": "Tyvärr kan jag inte på tisdag. Går onsdag?"}
    found = finding(calm(message=regret), "message.apology_missing")["message"]
    assert '("Tyvärr" beklagar läget men ber inte om ursäkt för besväret)' in found
    waved = {"language": "en", "text": "No apology needed, but can we move it to Friday?"}
    found = finding(calm(message=waved), "message.apology_missing", lang="en")["message"]
    assert found.startswith('The message has no apology ("No apology needed" is not an apology).')


def test_apology_present_or_no_message_means_no_finding() -> None:
    assert "message.apology_missing" not in rules(calm())
    assert "message.apology_missing" not in rules(calm(message=None))
    plain = {"text": "Hej! Jag kan inte komma."}
    assert "message.apology_missing" not in rules(calm(action="cancel", message=plain))


# message.rude


def test_rude_names_the_words_and_where() -> None:
    text = "Hej, ert skitföretag slösade bort min tid."
    found = finding(calm(message={"text": text}), "message.rude")
    assert found["message"].startswith(
        'Tonen i meddelandet kan uppfattas som respektlös: "skitföretag" är en svordom och '
        '"slösade bort min tid" lägger skulden på mottagaren.'
    )


def test_rude_quotes_the_words_as_written_and_says_why_in_the_readers_language() -> None:
    message = {"language": "sv", "text": "Hej Anna! Ni är ju TOTALT oseriösa."}
    swedish = finding(calm(message=message), "message.rude")["message"]
    assert '"Ni är ju TOTALT oseriösa" läses som ett omdöme om mottagaren' in swedish
    english = finding(calm(message=message), "message.rude", lang="en")["message"]
    assert '"Ni är ju TOTALT oseriösa" reads as a judgement of the reader' in english


def test_rude_says_which_kind_of_rudeness_each_phrase_is() -> None:
    text = "Honestly, get your act together. It's your fault. Thanks for nothing. Damn."
    found = finding(calm(message={"language": "en", "text": text}), "message.rude", lang="en")
    assert '"get your act together" sounds like a telling-off or a brush-off' in found["message"]
    assert '"your fault" puts the blame on the reader' in found["message"]
    assert '"Thanks for nothing" reads as sarcasm' in found["message"]
    # A fourth phrase is counted, not quoted, so the finding stays short.
    assert found["message"].count('"') == 6 and "1 more" in found["message"]


def test_rude_reads_the_reason_too_but_only_when_a_message_is_given() -> None:
    reason = {"category": "other", "text": "Ni är inkompetenta."}
    assert "i förklaringen" in finding(calm(reason=reason), "message.rude")["message"]
    assert "message.rude" not in rules(calm(reason=reason, message=None))
    assert "message.rude" not in rules(calm())


# message.interest_missing


def test_interest_missing_in_a_followup() -> None:
    data = calm(action="followup", message={"text": "Tack för samtalet, och förlåt igen."})
    assert finding(data, "message.interest_missing")["source"] == "M1.5"
    data["message"]["text"] += " Jag ser fram emot att träffa dig."
    assert "message.interest_missing" not in rules(data)
    assert "message.interest_missing" not in rules(calm(message={"text": "Förlåt."}))


def test_interest_missing_says_why_the_readers_interest_does_not_count() -> None:
    text = "Tack för ditt intresse för min ansökan, och förlåt igen."
    data = calm(action="followup", message={"language": "sv", "text": text})
    found = finding(data, "message.interest_missing")["message"]
    assert '("Tack för ditt intresse" säger inte att du är intresserad)' in found


# message.no_reschedule_promise


def test_employer_cancel_without_promise_of_new_times() -> None:
    text = "Hej Erik! Tyvärr måste vi ställa in intervjun i morgon. Vi ber om ursäkt."
    data = calm(action="cancel", side="employer", alternatives=None, message={"text": text})
    assert finding(data, "message.no_reschedule_promise")["source"] == "M3.1"
    data["message"]["text"] += " Vi hör av oss med en ny tid."
    assert "message.no_reschedule_promise" not in rules(data)


def test_no_promise_needed_when_the_position_is_filled_or_times_are_offered() -> None:
    text = "Hej Erik! Vi måste tyvärr ställa in intervjun."
    filled = {"category": "position_filled"}
    data = calm(action="cancel", side="employer", message={"text": text}, reason=filled)
    data["alternatives"] = None
    assert "message.no_reschedule_promise" not in rules(data)
    with_times = calm(action="cancel", side="employer", message={"text": text})
    assert "message.no_reschedule_promise" not in rules(with_times)


# followup.due


def test_followup_due_24_hours_after_contact() -> None:
    data = calm(contacted_at="2026-05-03T09:00:00+02:00")
    assert finding(data, "followup.due")["message"].startswith(
        "Det har gått 24 timmar sedan du hade kontakt."
    )
    assert "followup.due" not in rules(calm(contacted_at="2026-05-03T09:01:00+02:00"))


def test_followup_sent_in_time_or_late() -> None:
    contacted = "2026-05-02T09:00:00+02:00"
    in_time = calm(contacted_at=contacted, followup_sent_at="2026-05-03T09:00:00+02:00")
    assert "followup.due" not in rules(in_time)
    late = calm(contacted_at=contacted, followup_sent_at="2026-05-03T09:30:00+02:00")
    assert "24 timmar och 30 minuter efter kontakten" in finding(late, "followup.due")["message"]


# position_filled.*


def test_uninformed_candidates_are_named_and_block() -> None:
    data = {
        "action": "position_filled",
        "candidates": [
            {"id": "c1", "informed": True, "channel": "phone"},
            {"id": "c2", "informed": False, "name": "Erik Lind"},
            {"id": "c3", "informed": False},
        ],
    }
    result = check(data, "en")
    assert result["ok"] is False
    assert result["findings"][0]["message"].startswith("Erik Lind and c3 have not been told yet.")


def test_all_informed_by_email_is_advice_and_one_call_is_enough() -> None:
    people = [{"id": f"c{i}", "informed": True, "channel": "email"} for i in range(3)]
    data = {"action": "position_filled", "side": "employer", "candidates": people}
    assert check(data) == {
        "ok": True,
        "findings": [
            {
                "rule": "position_filled.email_only",
                "severity": "advice",
                "source": "M3.2",
                "message": "Alla 3 kandidater fick beskedet via mejl. Ett samtal är mer "
                "personligt, särskilt till dem du har träffat.",
            }
        ],
    }
    people[1]["channel"] = "phone"
    assert check(data)["findings"] == []


# reschedule.repeat


def test_repeat_fires_after_one_earlier_reschedule() -> None:
    assert "reschedule.repeat" not in rules(calm())
    data = with_interview(calm(), times_rescheduled_by_side=2)
    assert (
        "redan bokat om den här intervjun 2 gånger" in finding(data, "reschedule.repeat")["message"]
    )
    data = with_interview(calm(), times_rescheduled_by_side=1)
    assert (
        "already rescheduled this interview once"
        in finding(data, "reschedule.repeat", "en")["message"]
    )


# schedule.*


def schedule(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "action": "schedule",
        "side": "employer",
        "now": "2026-05-04T09:00:00+02:00",
        "interview": {
            "start": "2026-05-11T10:00:00",
            "end": "2026-05-11T11:00:00",
            "timezone": "Europe/Stockholm",
        },
        "busy": [],
    }
    data.update(changes)
    return data


def test_schedule_conflict_blocks() -> None:
    data = schedule(busy=[slot("2026-05-11T10:59:00+02:00", "2026-05-11T12:00:00+02:00")])
    found = finding(data, "schedule.conflict")
    assert found["message"] == (
        "Tiden (måndag 11 maj kl. 10.00\u201311.00) krockar med något i din kalender "
        "(måndag 11 maj kl. 10.59\u201312.00). Välj en annan tid."
    )
    touching = schedule(busy=[slot("2026-05-11T11:00:00+02:00", "2026-05-11T12:00:00+02:00")])
    assert check(touching) == {"ok": True, "findings": []}


def test_schedule_without_a_calendar_is_unchecked() -> None:
    assert rules(schedule(busy=None)) == ["schedule.unchecked"]
    assert rules(schedule()) == []


def test_conflict_lists_three_clashes_and_counts_the_rest() -> None:
    days = ["12", "13", "14", "15", "18"]
    data = calm(
        alternatives=[
            slot(f"2026-05-{d}T10:00:00+02:00", f"2026-05-{d}T11:00:00+02:00") for d in days
        ],
        busy=[slot("2026-05-12T00:00:00+02:00", "2026-05-19T00:00:00+02:00")],
    )
    message = finding(data, "alternatives.conflict", "en")["message"]
    assert "; alternative 3 (Thursday 14 May" in message
    assert "alternative 4" not in message
    assert message.endswith("; and 2 more. Pick other times when you are free.")
