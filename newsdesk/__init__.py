"""Arabic conflict-news event extraction: text, dates, gazetteer, events, tables."""
