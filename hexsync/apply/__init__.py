"""Apply: the only code that writes to Hex.

``gate`` (what a plan must pass before a write), ``execute`` (the writes, phase by phase),
``verify`` (reading back what was written), ``report`` (what apply tells), ``lock`` (one apply at
a time per workspace).
"""
