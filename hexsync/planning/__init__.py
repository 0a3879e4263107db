"""The planner (read, decide, estimate) and a saved plan's safe reading."""
