"""Declared state machines: one table of allowed transitions per workflow.

Every workflow of the product (proposal lines, council meetings, consultations, decisions…)
declares its transitions here-style, as data: from which state an action leads to which state,
and who may take it (a description for documentation and the task inbox; the calling service
enforces the permission). Services call ``Workflow.step`` before changing a state, so a
transition not in the table is refused with a Vietnamese message naming the current state,
whatever page or API route asked for it.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from tdkt.core.errors import DomainError

NOT_ALLOWED = "%(subject)s đang ở trạng thái “%(state)s”; không thể %(action)s."


@dataclass(frozen=True)
class Transition:
    """``action`` taken in state ``source`` leads to ``target``. ``verb`` completes the
    sentence "không thể …" in refusals; ``who`` says who may take it."""

    action: str
    source: str
    target: str
    verb: str
    who: str = ""


class Workflow:
    """The transitions of one kind of record, looked up by (source state, action)."""

    def __init__(self, name: str, states, transitions: Iterable[Transition]):
        self.name = name
        self.states = states
        self.transitions = tuple(transitions)
        self._by_key: dict[tuple[str, str], Transition] = {}
        labels = dict(states.choices)
        for t in self.transitions:
            if t.source not in labels or t.target not in labels:
                raise ValueError(f"{name}: unknown state in {t}")
            if (t.source, t.action) in self._by_key:
                raise ValueError(f"{name}: {t.action} declared twice from {t.source}")
            self._by_key[(t.source, t.action)] = t

    def allowed(self, state: str, action: str) -> Transition | None:
        """The transition ``action`` takes from ``state``, or None when it is not allowed."""
        return self._by_key.get((state, action))

    def actions_from(self, state: str) -> list[Transition]:
        """Every transition that may be taken from ``state``, in declaration order."""
        return [t for t in self.transitions if t.source == state]

    def step(self, state: str, action: str, *, subject: str) -> Transition:
        """The transition for ``action`` from ``state``; a ``DomainError`` (code
        ``not_allowed``) naming ``subject`` and its state when the table does not allow it."""
        transition = self.allowed(state, action)
        if transition is None:
            verbs = {t.action: t.verb for t in self.transitions}
            values = {
                "subject": subject,
                "state": dict(self.states.choices).get(state, state),
                "action": verbs.get(action, action),
            }
            raise DomainError(NOT_ALLOWED % values, code="not_allowed")
        return transition
