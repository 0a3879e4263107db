"""The pure deciders: functions of values that decide what a plan is and what it means.

``diff`` (desired vs live → changes), ``rules_compiler`` (``rules:`` → project entries),
``guardrails`` (refusals), ``access_engine`` (effective access), ``impact`` (a plan's effect on
access), ``drift`` (a plan read as "Hex differs here"). No client, no files, no clock.
"""
