"""The session screen: the view, its panels, keys and commands, the presenter and ticker."""
