"""Every exchange's deadline fires from one shared thread, not a thread per request."""

import threading

from takt.outbound import alarm


def test_an_alarm_fires_once_after_its_time():
    fired = threading.Event()
    calls: list[int] = []

    def ring() -> None:
        calls.append(1)
        fired.set()

    alarm.after(0.05, ring)

    assert fired.wait(5)
    assert calls == [1]


def test_a_cancelled_alarm_never_fires_and_the_next_one_still_does():
    rang: list[str] = []
    later = threading.Event()
    cancelled = alarm.after(0.05, lambda: rang.append("cancelled"))
    alarm.after(0.2, lambda: (rang.append("kept"), later.set()))

    cancelled.cancel()

    assert later.wait(5)
    assert rang == ["kept"]


def test_an_earlier_alarm_set_after_a_later_one_fires_first():
    order: list[str] = []
    both = threading.Event()
    alarm.after(0.5, lambda: (order.append("late"), both.set()))
    alarm.after(0.05, lambda: order.append("early"))

    assert both.wait(5)
    assert order == ["early", "late"]


def test_a_thousand_deadlines_share_one_thread():
    before = threading.active_count()

    alarms = [alarm.after(60, lambda: None) for _ in range(1000)]

    assert threading.active_count() <= before + 1
    for each in alarms:
        each.cancel()
