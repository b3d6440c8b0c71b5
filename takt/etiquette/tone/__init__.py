"""How a message is read for tone: text made comparable, and the pattern language of `words/`."""
