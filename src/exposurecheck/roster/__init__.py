"""Reading the roster: who to audit, from YAML, JSON, CSV or the command line."""

from exposurecheck.roster.loader import RosterError, RosterProblem, load_roster, roster_from_args

__all__ = ["RosterError", "RosterProblem", "load_roster", "roster_from_args"]
