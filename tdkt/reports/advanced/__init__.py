"""Advanced models (*điển hình tiên tiến*): services, selectors, forms, pages, public page."""
