"""The highlight palette (a module of its own: the command line needs it before anything else)."""

COLORS = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = "yellow"
