"""The frame of every page: `page.frame(name)` sets the page up and returns the `Context` a
page draws with; `data` loads the tables readers see once per data version; `signin` knows who
is signed in (the menu lists the Editors page only for them)."""
