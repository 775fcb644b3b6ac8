"""Small template helpers of the decision pages."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None (for dictionaries built by the views)."""
    return mapping.get(key) if mapping else None
