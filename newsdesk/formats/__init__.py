"""Files of a view for other tools and for slides: events JSON, TimelineJS, StoryMapJS, PLOVER,
and standalone timeline and map pages (HTML, PNG) that work offline. Imports
`newsdesk.config`, `language`, `contract` and `view`."""
