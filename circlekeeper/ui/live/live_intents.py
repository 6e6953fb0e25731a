"""What the facilitator asks of the live screen, by key or button: start, next, pass, the
mid-circle dialogs (started late, a late arrival, someone leaving), ending the circle, and
the question after the laptop slept.

A mixin of :class:`~circlekeeper.ui.live.view.LiveView`, kept apart so the view's module is
about showing the circle and this one about acting on it; every rule stays in the controller.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from circlekeeper.i18n import _
from circlekeeper.session.events import JoinPlace
from circlekeeper.session.model import format_duration
from circlekeeper.session.state import TurnOutcome
from circlekeeper.ui.ask import ask_yes_no
from circlekeeper.ui.live.arrival_dialog import Arrival
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.late_start_dialog import ask_late_start
from circlekeeper.ui.live.leaving_dialog import ask_leaving
from circlekeeper.ui.live.welcome import JoinWhere, welcome_line

ArrivalAsker = Callable[[QWidget, bool], Arrival | None]
"""Asks who arrived (the bool: whether a round is in progress); the member is always set."""


class LiveIntents:
    """The live screen's intents; the view supplies what is declared here."""

    controller: LiveController
    status: QLabel
    _ask: Callable[[str, str], bool] | None
    _arrival_dialog: ArrivalAsker | None

    def _label(self, person_id: str) -> str:
        raise NotImplementedError

    @property
    def as_widget(self) -> QWidget:
        """The live view itself, as the parent of the dialogs it opens."""
        assert isinstance(self, QWidget)
        return self

    def _toggle(self) -> None:
        self.controller.toggle()

    def _next(self) -> None:
        progress = self.controller.progress()
        if progress.round_complete and progress.index + 1 >= progress.total:
            self.controller.end_round()
            self.status.setText(_("That was the last planned round. End the circle when ready."))
            return
        self.controller.move_on()

    def _pass(self) -> None:
        if self.controller.pass_turn():
            self._say_what_counted()

    def _later(self) -> None:
        if self.controller.pass_for_now():
            self._say_what_counted()

    def _say_what_counted(self) -> None:
        """After a pass made while speaking, say that the time spoken counts (the ring has
        already moved on, and the list shows the time beside "1 pass")."""
        turns = self.controller.session.state.turns
        if not turns or turns[-1].spoken <= 0:
            return
        last = turns[-1]
        name, spoken = self._label(last.person_id), format_duration(last.spoken)
        if last.outcome is TurnOutcome.PASSED:
            self.status.setText(
                _(
                    "{name} spoke {time}, then passed: the time counts. They may still speak"
                    " once everyone has been heard."
                ).format(name=name, time=spoken)
            )
        elif last.outcome is TurnOutcome.DEFERRED:
            self.status.setText(
                _(
                    "{name} spoke {time} and comes back at the end of the round: the time counts."
                ).format(name=name, time=spoken)
            )

    def _extend(self) -> None:
        if self.controller.extend(30):
            # The new length, not only the step: after a few presses the facilitator knows
            # what they gave, which "30 seconds added" said the same way every time.
            view = self.controller.turn_view()
            allotted = view.allotted if view is not None else None
            if allotted is None:
                self.status.setText(_("30 seconds added to this turn."))
            else:
                self.status.setText(
                    _("30 seconds added: this turn now has {time}.").format(
                        time=format_duration(allotted)
                    )
                )

    def _undo(self) -> None:
        what = self.controller.undo()
        if what:
            self.status.setText(_("Undone: {action}.").format(action=what))

    def _late(self) -> None:
        view = self.controller.turn_view()
        if view is None:
            return
        longest = self.controller.longest_late_start()
        seconds = ask_late_start(self.as_widget, view.spoken, longest)
        self.as_widget.window().activateWindow()  # the live keys work again at once
        if seconds is not None and self.controller.correct_start(seconds):
            self.status.setText(
                _("The turn now counts from {time} ago.").format(time=format_duration(seconds))
            )

    def _arrival(self) -> None:
        if self._arrival_dialog is None:
            return
        in_round = self.controller.current_round() is not None
        arrival = self._arrival_dialog(self.as_widget, in_round)
        self.as_widget.window().activateWindow()  # the live keys work again at once
        self.as_widget.setFocus()
        if arrival is None or arrival.member is None:
            return
        person = arrival.member
        if self.controller.join(person, arrival.place):
            where = (
                JoinWhere.FROM_NEXT_ROUND
                if arrival.place is JoinPlace.NEXT_ROUND and in_round
                else JoinWhere.END_OF_ROUND
                if in_round
                else JoinWhere.NEXT_ROUND
            )
            own = self.controller.own_prompt(person.person_id)
            self.status.setText(
                welcome_line(
                    person.name,
                    person.pronouns,
                    where,
                    own_prompt=own,
                    prompt_to_come=where is not JoinWhere.END_OF_ROUND
                    and self.controller.deals_when_next_round_begins(),
                )
            )

    def _leaving(self) -> None:
        state = self.controller.session.state
        names = [self._label(p) for p in state.present]
        if not names:
            return
        row = ask_leaving(self.as_widget, names)
        self.as_widget.window().activateWindow()  # the live keys (Ctrl+Z) work again at once
        if row is not None:
            self._confirm_leave(state.present[row])

    def _confirm_leave(self, person_id: str) -> None:
        name = self._label(person_id)
        if self.controller.leave(person_id):
            # A leaving recorded by mistake is one Ctrl+Z away: the line says so.
            self.status.setText(
                _("{name} has left the circle; what they shared is kept. Ctrl+Z undoes it.").format(
                    name=name
                )
            )

    def _presenter(self) -> None:
        self.presenter_requested.emit()  # type: ignore[attr-defined]  # the view declares it

    def ask(self, title: str, question: str) -> bool:
        """A yes/no question, "No" by default (injectable so tests can answer)."""
        if self._ask is not None:
            return self._ask(title, question)
        return ask_yes_no(self.as_widget, title, question)

    def _end(self) -> None:
        if self.ask(
            _("End the circle"),
            _("End the circle now? The summary will show next; nothing recorded is lost."),
        ):
            self.end_circle()

    def end_circle(self) -> None:
        if self.controller.end_session():
            self.finished.emit()  # type: ignore[attr-defined]  # the view declares it

    def _clock_jumped(self, gap: float) -> None:
        view = self.controller.turn_view()
        if view is None or gap <= 0:
            self.status.setText(
                _("The system clock changed by {time}; the timer kept real time.").format(
                    time=format_duration(gap)
                )
            )
            return
        name = self._label(view.person_id)
        if self.ask(
            _("Time not counted"),
            _(
                "The laptop seems to have slept for {time} during {name}'s turn."
                " That time was not counted. Count it as speaking time?"
            ).format(time=format_duration(gap), name=name),
        ):
            self.controller.correct_start(view.spoken + gap)
