"""fieldkit: offline field surveys for commune digital-infrastructure delegations."""

__version__ = "0.1.0"
