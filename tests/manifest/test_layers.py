"""Manifest layers merged (docs/workspaces.md): what the plan cases (``tests/cases/layers_*``)
do not show: duplicates within a layer, locked sets and policies, hexsync.yaml's overrides,
and problems placed in the layer that holds them."""

from __future__ import annotations

from pathlib import Path

from hexsync.manifest.layers import Overrides, check_layers
from hexsync.manifest.workspaces import read_config


def _layers(tmp_path: Path, **texts: str) -> list[list[Path]]:
    out = []
    for name, text in texts.items():
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "m.yaml").write_text(text, encoding="utf-8")
        out.append([tmp_path / name])
    return out


def _errors(tmp_path: Path, **texts: str) -> list[str]:
    result = check_layers(_layers(tmp_path, **texts), relative_to=tmp_path)
    return [str(p).splitlines()[0] for p in result.problems if p.severity == "error"]


def test_an_object_twice_in_one_layer_is_still_a_duplicate(tmp_path: Path) -> None:
    assert _errors(
        tmp_path,
        base="version: 1\ngroups:\n  - name: A\n",
        prod="groups:\n  - name: A\n  - name: A\npolicy: {}\npolicy2: 1\n",
    ) == [
        "prod/m.yaml:5:1: policy2: unknown key 'policy2' (did you mean 'policy'?)",
    ]
    assert _errors(
        tmp_path / "again",
        base="version: 1\ngroups:\n  - name: A\n",
        prod="groups:\n  - name: A\n  - name: A\n",
    ) == ["prod/m.yaml:3:5: groups[1]: duplicate group 'A'; first declared at prod/m.yaml:2:5"]


def test_locked_sets_may_grow_never_shrink(tmp_path: Path) -> None:
    base = (
        "version: 1\npolicy:\n  protect: {groups: [Admins, Finance]}\n"
        "  prune: {groups: true}\n  locked: [protect.groups, prune.groups]\n"
    )
    assert (
        _errors(
            tmp_path / "a",
            base=base,
            prod="policy:\n  protect: {groups: [Admins, Finance, Ops]}\n",
        )
        == []
    )
    assert _errors(tmp_path / "b", base=base, prod="policy:\n  protect: {groups: [Admins]}\n") == [
        "prod/m.yaml:2:21: policy.protect.groups: [Admins] loosens a locked field: it is"
        " [Admins, Finance] (base/m.yaml:3:21), locked at base/m.yaml:5:12"
    ]
    # a field without an order may not change at all
    assert _errors(tmp_path / "c", base=base, prod="policy:\n  prune: {groups: false}\n") == [
        "prod/m.yaml:2:19: policy.prune.groups: false loosens a locked field: it is true"
        " (base/m.yaml:4:19), locked at base/m.yaml:5:28"
    ]


def test_a_locked_field_must_be_set_where_it_is_locked(tmp_path: Path) -> None:
    assert _errors(tmp_path, base="version: 1\npolicy:\n  locked: [max_destroy]\n") == [
        "base/m.yaml:3:12: policy.locked[0]: policy.locked names max_destroy, which no layer"
        " up to this one sets"
    ]


POLICY = """\
version: 1
policy:
  locked: [policies]
policies:
  - name: no-contractor-edits
    description: Contractors never get edit rights
    deny: '"Contractors" in principal.groups && rank >= 3'
"""


def test_a_locked_access_policy_may_not_be_redefined(tmp_path: Path) -> None:
    prod = "policies:\n  - name: no-contractor-edits\n    deny: 'false'\n"
    errors = _errors(tmp_path, base=POLICY, prod=prod)
    assert errors == [
        "prod/m.yaml:2:5: policies[0]: policy 'no-contractor-edits' is declared at"
        " base/m.yaml:5:5 and locked at base/m.yaml:3:12 (policy.locked: policies): a later"
        " layer may not redefine it"
    ]


def test_an_expression_error_points_into_its_own_layer(tmp_path: Path) -> None:
    broken = POLICY.replace("locked: [policies]", "max_destroy: 3").replace(
        "&& rank >= 3", "&& rnak >= 3"
    )
    errors = _errors(tmp_path, base="version: 1\ngroups:\n  - name: A\n", prod=broken)
    assert len(errors) == 1
    assert errors[0].startswith("prod/m.yaml:7:49: policies[0].deny:"), errors


def test_hexsync_yaml_overrides_are_a_last_layer_bound_by_the_locks(tmp_path: Path) -> None:
    layers = _layers(
        tmp_path,
        base="version: 1\npolicy:\n  max_destroy: 5\n  locked: [max_destroy]\n",
    )
    config = tmp_path / "hexsync.yaml"
    config.write_text(
        "workspaces:\n"
        "  - name: tight\n    api_url: https://app.hex.tech\n    token_env: T1\n"
        "    manifests: [base]\n    policy: {max_destroy: 2}\n"
        "  - name: loose\n    api_url: https://app.hex.tech\n    token_env: T2\n"
        "    manifests: [base]\n    policy: {max_destroy: 9, max_destory: 1}\n",
        encoding="utf-8",
    )
    found, problems = read_config(config, relative_to=tmp_path)
    assert found is not None, problems

    def check(index: int) -> list[str]:
        ws = found.workspaces[index]
        assert ws.policy is not None
        over = Overrides(found.document, ("workspaces", index, "policy"), ws.policy)
        result = check_layers(layers, overrides=over, relative_to=tmp_path)
        if result.desired is not None:
            assert result.desired.policy.max_destroy == 2
        return [str(p).splitlines()[0] for p in result.problems if p.severity == "error"]

    assert check(0) == []
    assert check(1) == [
        "hexsync.yaml:11:30: policy.max_destory: unknown key 'max_destory' (did you mean"
        " 'max_destroy'?)",
    ]
    found.workspaces[1].policy.pop("max_destory")  # type: ignore[union-attr]
    assert check(1) == [
        "hexsync.yaml:11:27: policy.max_destroy: 9 loosens a locked field: it is 5"
        " (base/m.yaml:3:16), locked at base/m.yaml:4:12"
    ]
