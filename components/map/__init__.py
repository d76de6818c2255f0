"""The Map page: the district map of where events happened, and the diplomacy view (arcs
between capitals and venues)."""
