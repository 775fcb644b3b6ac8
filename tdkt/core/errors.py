"""The one error type users can cause. Views turn it into a form error or a 400."""


class DomainError(Exception):
    """A rule of the business was broken by the input; ``message`` is Vietnamese for the user.

    ``field`` names the form field or import column at fault, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
        self.code = code or message

    def __str__(self) -> str:
        return self.message


class StaleEditError(DomainError):
    """The record changed after the user opened it; their edit was not saved."""


def apply_domain_error(form, error: DomainError) -> None:
    """Show ``error`` on ``form``: beside its field when the form has that field, else at the
    top of the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)
