"""Explanation pages: every rule with its legal period, text, basis and parameters."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from tdkt.rules.explain import code_rules, every_code
from tdkt.rules.params import all_parameters


def _names() -> dict[str, str]:
    from tdkt.catalog.models import AwardType

    return dict(AwardType.objects.values_list("code", "name"))


@login_required
def rule_index(request):
    """All codes the engine knows, with the periods their rule versions cover."""
    names = _names()
    rows = [(rules, names.get(rules.code, rules.code)) for rules in every_code()]
    return render(request, "rules/index.html", {"rows": rows})


@login_required
def rule_detail(request, code):
    """One code: each version's period, title, legal basis, text and the parameters it reads."""
    rules = code_rules(code)
    if rules is None:
        raise Http404
    name = _names().get(code, code)
    return render(request, "rules/detail.html", {"rules": rules, "name": name})


@login_required
def parameter_list(request):
    """Every dated parameter with its values over time, citations and confidence marks."""
    parameters = sorted(all_parameters().values(), key=lambda p: p.name)
    return render(request, "rules/parameters.html", {"parameters": parameters})
