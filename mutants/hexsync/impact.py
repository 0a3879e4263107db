"""Access impact: who gains and who loses access, per principal, across projects (SPEC §4).

Pure: computed from the plan's changes and the live sharing. Each path to a project counts on
its own (direct sharing, a group's sharing through membership, workspace members, the public
web): "dave@acme.com loses CAN_VIEW on 12 projects (via group Analysts)" says what this plan takes
away through that group, whether or not dave keeps access some other way.
"""

from __future__ import annotations

from collections.abc import Iterable

from hexsync.live import Live
from hexsync.plan import AccessImpact, Action, Change, ImpactItem, Kind, access_rank

__all__ = ["access_impact"]

# sharing path → (principal kind, how the principal is named when the path has no key)
_PRINCIPALS = {
    "sharing.users": ("user", None),
    "sharing.groups": ("group", None),
    "sharing.collections": ("collection", None),
    "sharing.workspace": ("workspace", "workspace members"),
    "sharing.public_web": ("public_web", "public web"),
}
_KIND_ORDER = {"workspace": 0, "public_web": 1, "group": 2, "collection": 3, "user": 4}


_rank = access_rank


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_xǁ_Tallyǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁ_Tallyǁadd__mutmut: MutantDict = {}  # type: ignore
mutants_xǁ_Tallyǁresult__mutmut: MutantDict = {}  # type: ignore


class _Tally:
    @_mutmut_mutated(mutants_xǁ_Tallyǁ__init____mutmut)
    def __init__(self) -> None:
        self.gains: dict[tuple[str, str], list[ImpactItem]] = {}
        self.losses: dict[tuple[str, str], list[ImpactItem]] = {}
    def xǁ_Tallyǁ__init____mutmut_orig(self) -> None:
        self.gains: dict[tuple[str, str], list[ImpactItem]] = {}
        self.losses: dict[tuple[str, str], list[ImpactItem]] = {}
    def xǁ_Tallyǁ__init____mutmut_1(self) -> None:
        self.gains: dict[tuple[str, str], list[ImpactItem]] = None
        self.losses: dict[tuple[str, str], list[ImpactItem]] = {}
    def xǁ_Tallyǁ__init____mutmut_2(self) -> None:
        self.gains: dict[tuple[str, str], list[ImpactItem]] = {}
        self.losses: dict[tuple[str, str], list[ImpactItem]] = None

    @_mutmut_mutated(mutants_xǁ_Tallyǁadd__mutmut)
    def add(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_orig(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_1(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(None) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_2(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) >= _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_3(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(None):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_4(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(None)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_5(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault(None, []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_6(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), None).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_7(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault([]).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_8(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), ).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_9(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(None) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_10(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) <= _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_11(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(None):
            self.losses.setdefault((kind, principal), []).append(item)

    def xǁ_Tallyǁadd__mutmut_12(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(None)

    def xǁ_Tallyǁadd__mutmut_13(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault(None, []).append(item)

    def xǁ_Tallyǁadd__mutmut_14(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), None).append(item)

    def xǁ_Tallyǁadd__mutmut_15(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault([]).append(item)

    def xǁ_Tallyǁadd__mutmut_16(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), ).append(item)

    @_mutmut_mutated(mutants_xǁ_Tallyǁresult__mutmut)
    def result(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_orig(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_1(self) -> tuple[AccessImpact, ...]:
        keys = None

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_2(self) -> tuple[AccessImpact, ...]:
        keys = sorted(None, key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_3(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=None)

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_4(self) -> tuple[AccessImpact, ...]:
        keys = sorted(key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_5(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), )

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_6(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) & set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_7(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(None) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_8(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(None), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_9(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: None)

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_10(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[1]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_11(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[2]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_12(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(None)

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_13(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(None, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_14(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=None))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_15(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_16(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, ))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_17(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: None))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_18(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via and "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_19(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "XXXX", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_20(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old and "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_21(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "XXXX")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_22(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            None
        )

    def xǁ_Tallyǁresult__mutmut_23(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                None,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_24(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                None,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_25(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                None,
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_26(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                None,
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_27(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_28(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_29(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_30(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_31(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(None),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_32(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get(None, ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_33(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), None)),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_34(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get(())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_35(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), )),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_36(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(None),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_37(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get(None, ())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_38(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), None)),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_39(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get(())),
            )
            for kind, principal in keys
        )

    def xǁ_Tallyǁresult__mutmut_40(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), )),
            )
            for kind, principal in keys
        )

mutants_xǁ_Tallyǁ__init____mutmut['_mutmut_orig'] = _Tally.xǁ_Tallyǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁ_Tallyǁ__init____mutmut['xǁ_Tallyǁ__init____mutmut_1'] = _Tally.xǁ_Tallyǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁ__init____mutmut['xǁ_Tallyǁ__init____mutmut_2'] = _Tally.xǁ_Tallyǁ__init____mutmut_2 # type: ignore # mutmut generated

mutants_xǁ_Tallyǁadd__mutmut['_mutmut_orig'] = _Tally.xǁ_Tallyǁadd__mutmut_orig # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_1'] = _Tally.xǁ_Tallyǁadd__mutmut_1 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_2'] = _Tally.xǁ_Tallyǁadd__mutmut_2 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_3'] = _Tally.xǁ_Tallyǁadd__mutmut_3 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_4'] = _Tally.xǁ_Tallyǁadd__mutmut_4 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_5'] = _Tally.xǁ_Tallyǁadd__mutmut_5 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_6'] = _Tally.xǁ_Tallyǁadd__mutmut_6 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_7'] = _Tally.xǁ_Tallyǁadd__mutmut_7 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_8'] = _Tally.xǁ_Tallyǁadd__mutmut_8 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_9'] = _Tally.xǁ_Tallyǁadd__mutmut_9 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_10'] = _Tally.xǁ_Tallyǁadd__mutmut_10 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_11'] = _Tally.xǁ_Tallyǁadd__mutmut_11 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_12'] = _Tally.xǁ_Tallyǁadd__mutmut_12 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_13'] = _Tally.xǁ_Tallyǁadd__mutmut_13 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_14'] = _Tally.xǁ_Tallyǁadd__mutmut_14 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_15'] = _Tally.xǁ_Tallyǁadd__mutmut_15 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁadd__mutmut['xǁ_Tallyǁadd__mutmut_16'] = _Tally.xǁ_Tallyǁadd__mutmut_16 # type: ignore # mutmut generated

mutants_xǁ_Tallyǁresult__mutmut['_mutmut_orig'] = _Tally.xǁ_Tallyǁresult__mutmut_orig # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_1'] = _Tally.xǁ_Tallyǁresult__mutmut_1 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_2'] = _Tally.xǁ_Tallyǁresult__mutmut_2 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_3'] = _Tally.xǁ_Tallyǁresult__mutmut_3 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_4'] = _Tally.xǁ_Tallyǁresult__mutmut_4 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_5'] = _Tally.xǁ_Tallyǁresult__mutmut_5 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_6'] = _Tally.xǁ_Tallyǁresult__mutmut_6 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_7'] = _Tally.xǁ_Tallyǁresult__mutmut_7 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_8'] = _Tally.xǁ_Tallyǁresult__mutmut_8 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_9'] = _Tally.xǁ_Tallyǁresult__mutmut_9 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_10'] = _Tally.xǁ_Tallyǁresult__mutmut_10 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_11'] = _Tally.xǁ_Tallyǁresult__mutmut_11 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_12'] = _Tally.xǁ_Tallyǁresult__mutmut_12 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_13'] = _Tally.xǁ_Tallyǁresult__mutmut_13 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_14'] = _Tally.xǁ_Tallyǁresult__mutmut_14 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_15'] = _Tally.xǁ_Tallyǁresult__mutmut_15 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_16'] = _Tally.xǁ_Tallyǁresult__mutmut_16 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_17'] = _Tally.xǁ_Tallyǁresult__mutmut_17 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_18'] = _Tally.xǁ_Tallyǁresult__mutmut_18 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_19'] = _Tally.xǁ_Tallyǁresult__mutmut_19 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_20'] = _Tally.xǁ_Tallyǁresult__mutmut_20 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_21'] = _Tally.xǁ_Tallyǁresult__mutmut_21 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_22'] = _Tally.xǁ_Tallyǁresult__mutmut_22 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_23'] = _Tally.xǁ_Tallyǁresult__mutmut_23 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_24'] = _Tally.xǁ_Tallyǁresult__mutmut_24 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_25'] = _Tally.xǁ_Tallyǁresult__mutmut_25 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_26'] = _Tally.xǁ_Tallyǁresult__mutmut_26 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_27'] = _Tally.xǁ_Tallyǁresult__mutmut_27 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_28'] = _Tally.xǁ_Tallyǁresult__mutmut_28 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_29'] = _Tally.xǁ_Tallyǁresult__mutmut_29 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_30'] = _Tally.xǁ_Tallyǁresult__mutmut_30 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_31'] = _Tally.xǁ_Tallyǁresult__mutmut_31 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_32'] = _Tally.xǁ_Tallyǁresult__mutmut_32 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_33'] = _Tally.xǁ_Tallyǁresult__mutmut_33 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_34'] = _Tally.xǁ_Tallyǁresult__mutmut_34 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_35'] = _Tally.xǁ_Tallyǁresult__mutmut_35 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_36'] = _Tally.xǁ_Tallyǁresult__mutmut_36 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_37'] = _Tally.xǁ_Tallyǁresult__mutmut_37 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_38'] = _Tally.xǁ_Tallyǁresult__mutmut_38 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_39'] = _Tally.xǁ_Tallyǁresult__mutmut_39 # type: ignore # mutmut generated
mutants_xǁ_Tallyǁresult__mutmut['xǁ_Tallyǁresult__mutmut_40'] = _Tally.xǁ_Tallyǁresult__mutmut_40 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_access_impact__mutmut)
def access_impact(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_orig(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_1(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = None
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_2(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(None)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_3(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = None
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_4(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = None
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_5(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is not Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_6(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = None
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_7(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER or c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_8(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is not Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_9(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is not Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_10(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = None
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_11(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = None
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_12(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched and deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_13(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name not in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_14(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = None
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_15(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email not in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_16(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append(None)
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_17(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = None
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_18(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(None) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_19(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_20(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            break
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_21(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = None
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_22(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id and f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_23(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = None
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_24(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(None)
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_25(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id and "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_26(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "XXXX")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_27(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_28(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if (read is not None) and False else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_29(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if (read is not None) or True else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_30(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_31(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = None
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_32(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(None)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_33(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is not None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_34(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                break
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_35(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = None
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_36(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = None
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_37(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key and ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_38(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed and f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_39(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or "XXXX"
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_40(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(None, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_41(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, None, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_42(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, None)
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_43(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_44(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_45(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, )
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_46(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(None, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_47(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, None, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_48(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, None))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_49(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_50(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_51(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, ))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_52(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_53(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if (f.path == "sharing.groups") and False else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_54(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if (f.path == "sharing.groups") or True else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_55(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path != "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_56(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "XXsharing.groupsXX" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_57(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "SHARING.GROUPS" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_58(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None or group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_59(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_60(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group not in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_61(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is not None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_62(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(None, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_63(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_64(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, )
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_65(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = None
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_66(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is not Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_67(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(None, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_68(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, None, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_69(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, None, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_70(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, None, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_71(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, None)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_72(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_73(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_74(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_75(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_76(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, )
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_77(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(None):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_78(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add(None, email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_79(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", None, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_80(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, None)
    return tally.result()


def x_access_impact__mutmut_81(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add(email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_82(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_83(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, )
    return tally.result()


def x_access_impact__mutmut_84(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("XXuserXX", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_85(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("USER", email, ImpactItem(title, level, None))
    return tally.result()


def x_access_impact__mutmut_86(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(None, level, None))
    return tally.result()


def x_access_impact__mutmut_87(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, None, None))
    return tally.result()


def x_access_impact__mutmut_88(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(level, None))
    return tally.result()


def x_access_impact__mutmut_89(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, None))
    return tally.result()


def x_access_impact__mutmut_90(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, ))
    return tally.result()

mutants_x_access_impact__mutmut['_mutmut_orig'] = x_access_impact__mutmut_orig # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_1'] = x_access_impact__mutmut_1 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_2'] = x_access_impact__mutmut_2 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_3'] = x_access_impact__mutmut_3 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_4'] = x_access_impact__mutmut_4 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_5'] = x_access_impact__mutmut_5 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_6'] = x_access_impact__mutmut_6 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_7'] = x_access_impact__mutmut_7 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_8'] = x_access_impact__mutmut_8 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_9'] = x_access_impact__mutmut_9 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_10'] = x_access_impact__mutmut_10 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_11'] = x_access_impact__mutmut_11 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_12'] = x_access_impact__mutmut_12 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_13'] = x_access_impact__mutmut_13 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_14'] = x_access_impact__mutmut_14 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_15'] = x_access_impact__mutmut_15 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_16'] = x_access_impact__mutmut_16 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_17'] = x_access_impact__mutmut_17 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_18'] = x_access_impact__mutmut_18 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_19'] = x_access_impact__mutmut_19 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_20'] = x_access_impact__mutmut_20 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_21'] = x_access_impact__mutmut_21 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_22'] = x_access_impact__mutmut_22 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_23'] = x_access_impact__mutmut_23 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_24'] = x_access_impact__mutmut_24 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_25'] = x_access_impact__mutmut_25 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_26'] = x_access_impact__mutmut_26 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_27'] = x_access_impact__mutmut_27 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_28'] = x_access_impact__mutmut_28 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_29'] = x_access_impact__mutmut_29 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_30'] = x_access_impact__mutmut_30 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_31'] = x_access_impact__mutmut_31 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_32'] = x_access_impact__mutmut_32 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_33'] = x_access_impact__mutmut_33 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_34'] = x_access_impact__mutmut_34 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_35'] = x_access_impact__mutmut_35 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_36'] = x_access_impact__mutmut_36 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_37'] = x_access_impact__mutmut_37 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_38'] = x_access_impact__mutmut_38 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_39'] = x_access_impact__mutmut_39 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_40'] = x_access_impact__mutmut_40 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_41'] = x_access_impact__mutmut_41 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_42'] = x_access_impact__mutmut_42 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_43'] = x_access_impact__mutmut_43 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_44'] = x_access_impact__mutmut_44 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_45'] = x_access_impact__mutmut_45 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_46'] = x_access_impact__mutmut_46 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_47'] = x_access_impact__mutmut_47 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_48'] = x_access_impact__mutmut_48 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_49'] = x_access_impact__mutmut_49 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_50'] = x_access_impact__mutmut_50 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_51'] = x_access_impact__mutmut_51 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_52'] = x_access_impact__mutmut_52 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_53'] = x_access_impact__mutmut_53 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_54'] = x_access_impact__mutmut_54 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_55'] = x_access_impact__mutmut_55 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_56'] = x_access_impact__mutmut_56 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_57'] = x_access_impact__mutmut_57 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_58'] = x_access_impact__mutmut_58 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_59'] = x_access_impact__mutmut_59 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_60'] = x_access_impact__mutmut_60 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_61'] = x_access_impact__mutmut_61 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_62'] = x_access_impact__mutmut_62 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_63'] = x_access_impact__mutmut_63 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_64'] = x_access_impact__mutmut_64 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_65'] = x_access_impact__mutmut_65 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_66'] = x_access_impact__mutmut_66 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_67'] = x_access_impact__mutmut_67 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_68'] = x_access_impact__mutmut_68 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_69'] = x_access_impact__mutmut_69 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_70'] = x_access_impact__mutmut_70 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_71'] = x_access_impact__mutmut_71 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_72'] = x_access_impact__mutmut_72 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_73'] = x_access_impact__mutmut_73 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_74'] = x_access_impact__mutmut_74 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_75'] = x_access_impact__mutmut_75 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_76'] = x_access_impact__mutmut_76 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_77'] = x_access_impact__mutmut_77 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_78'] = x_access_impact__mutmut_78 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_79'] = x_access_impact__mutmut_79 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_80'] = x_access_impact__mutmut_80 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_81'] = x_access_impact__mutmut_81 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_82'] = x_access_impact__mutmut_82 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_83'] = x_access_impact__mutmut_83 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_84'] = x_access_impact__mutmut_84 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_85'] = x_access_impact__mutmut_85 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_86'] = x_access_impact__mutmut_86 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_87'] = x_access_impact__mutmut_87 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_88'] = x_access_impact__mutmut_88 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_89'] = x_access_impact__mutmut_89 # type: ignore # mutmut generated
mutants_x_access_impact__mutmut['x_access_impact__mutmut_90'] = x_access_impact__mutmut_90 # type: ignore # mutmut generated


_Share = tuple[str, str, "str | None"]  # (project title, the group's level, project owner)
mutants_x__group__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x__group__mutmut)
def _group(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_orig(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_1(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = None
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_2(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is not Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_3(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = None
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_4(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(None)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_5(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_6(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if (group is not None) and False else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_7(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if (group is not None) or True else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_8(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_9(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(None, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_10(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, None).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_11(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get({}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_12(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, ).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_13(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is not None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_14(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add(None, change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_15(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", None, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_16(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, None)
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_17(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add(change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_18(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_19(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, )
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_20(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("XXgroupXX", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_21(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("GROUP", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_22(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(None, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_23(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, None, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_24(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_25(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_26(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, ))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_27(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(None):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_28(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members and ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_29(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email == owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_30(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add(None, email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_31(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", None, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_32(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, None)
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_33(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add(email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_34(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_35(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, )
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_36(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("XXuserXX", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_37(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("USER", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_38(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(None, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_39(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_40(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, None))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_41(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_42(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_43(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_44(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, ))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_45(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at(None):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_46(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("XXmembersXX"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_47(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("MEMBERS"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_48(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = None
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_49(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key and ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_50(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or "XXXX"
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_51(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_52(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(None, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_53(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, None).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_54(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get({}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_55(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, ).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_56(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email == owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_57(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add(None, email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_58(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", None, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_59(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, None)
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_60(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add(email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_61(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_62(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, )
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_63(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("XXuserXX", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_64(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("USER", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_65(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(None, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_66(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, None, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_67(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, None))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_68(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_69(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_70(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_71(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, ))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_72(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(None, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_73(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, None).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_74(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get({}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_75(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, ).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_76(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email == owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))


def x__group__mutmut_77(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add(None, email, ImpactItem(title, level, None, via))


def x__group__mutmut_78(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", None, ImpactItem(title, level, None, via))


def x__group__mutmut_79(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, None)


def x__group__mutmut_80(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add(email, ImpactItem(title, level, None, via))


def x__group__mutmut_81(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", ImpactItem(title, level, None, via))


def x__group__mutmut_82(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, )


def x__group__mutmut_83(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("XXuserXX", email, ImpactItem(title, level, None, via))


def x__group__mutmut_84(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("USER", email, ImpactItem(title, level, None, via))


def x__group__mutmut_85(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(None, level, None, via))


def x__group__mutmut_86(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, None, via))


def x__group__mutmut_87(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, None))


def x__group__mutmut_88(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(level, None, via))


def x__group__mutmut_89(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, via))


def x__group__mutmut_90(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, via))


def x__group__mutmut_91(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, ))

mutants_x__group__mutmut['_mutmut_orig'] = x__group__mutmut_orig # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_1'] = x__group__mutmut_1 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_2'] = x__group__mutmut_2 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_3'] = x__group__mutmut_3 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_4'] = x__group__mutmut_4 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_5'] = x__group__mutmut_5 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_6'] = x__group__mutmut_6 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_7'] = x__group__mutmut_7 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_8'] = x__group__mutmut_8 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_9'] = x__group__mutmut_9 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_10'] = x__group__mutmut_10 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_11'] = x__group__mutmut_11 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_12'] = x__group__mutmut_12 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_13'] = x__group__mutmut_13 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_14'] = x__group__mutmut_14 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_15'] = x__group__mutmut_15 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_16'] = x__group__mutmut_16 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_17'] = x__group__mutmut_17 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_18'] = x__group__mutmut_18 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_19'] = x__group__mutmut_19 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_20'] = x__group__mutmut_20 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_21'] = x__group__mutmut_21 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_22'] = x__group__mutmut_22 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_23'] = x__group__mutmut_23 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_24'] = x__group__mutmut_24 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_25'] = x__group__mutmut_25 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_26'] = x__group__mutmut_26 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_27'] = x__group__mutmut_27 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_28'] = x__group__mutmut_28 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_29'] = x__group__mutmut_29 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_30'] = x__group__mutmut_30 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_31'] = x__group__mutmut_31 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_32'] = x__group__mutmut_32 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_33'] = x__group__mutmut_33 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_34'] = x__group__mutmut_34 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_35'] = x__group__mutmut_35 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_36'] = x__group__mutmut_36 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_37'] = x__group__mutmut_37 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_38'] = x__group__mutmut_38 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_39'] = x__group__mutmut_39 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_40'] = x__group__mutmut_40 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_41'] = x__group__mutmut_41 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_42'] = x__group__mutmut_42 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_43'] = x__group__mutmut_43 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_44'] = x__group__mutmut_44 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_45'] = x__group__mutmut_45 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_46'] = x__group__mutmut_46 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_47'] = x__group__mutmut_47 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_48'] = x__group__mutmut_48 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_49'] = x__group__mutmut_49 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_50'] = x__group__mutmut_50 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_51'] = x__group__mutmut_51 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_52'] = x__group__mutmut_52 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_53'] = x__group__mutmut_53 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_54'] = x__group__mutmut_54 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_55'] = x__group__mutmut_55 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_56'] = x__group__mutmut_56 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_57'] = x__group__mutmut_57 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_58'] = x__group__mutmut_58 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_59'] = x__group__mutmut_59 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_60'] = x__group__mutmut_60 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_61'] = x__group__mutmut_61 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_62'] = x__group__mutmut_62 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_63'] = x__group__mutmut_63 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_64'] = x__group__mutmut_64 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_65'] = x__group__mutmut_65 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_66'] = x__group__mutmut_66 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_67'] = x__group__mutmut_67 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_68'] = x__group__mutmut_68 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_69'] = x__group__mutmut_69 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_70'] = x__group__mutmut_70 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_71'] = x__group__mutmut_71 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_72'] = x__group__mutmut_72 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_73'] = x__group__mutmut_73 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_74'] = x__group__mutmut_74 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_75'] = x__group__mutmut_75 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_76'] = x__group__mutmut_76 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_77'] = x__group__mutmut_77 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_78'] = x__group__mutmut_78 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_79'] = x__group__mutmut_79 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_80'] = x__group__mutmut_80 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_81'] = x__group__mutmut_81 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_82'] = x__group__mutmut_82 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_83'] = x__group__mutmut_83 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_84'] = x__group__mutmut_84 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_85'] = x__group__mutmut_85 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_86'] = x__group__mutmut_86 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_87'] = x__group__mutmut_87 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_88'] = x__group__mutmut_88 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_89'] = x__group__mutmut_89 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_90'] = x__group__mutmut_90 # type: ignore # mutmut generated
mutants_x__group__mutmut['x__group__mutmut_91'] = x__group__mutmut_91 # type: ignore # mutmut generated
