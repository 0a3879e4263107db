"""The kinds of object hexsync manages, shared by the live value, the plan and everything above."""

from __future__ import annotations

import enum


class Kind(enum.Enum):
    COLLECTION = "collection"
    GROUP = "group"
    USER = "user"
    PROJECT = "project"
    CONNECTION = "connection"
