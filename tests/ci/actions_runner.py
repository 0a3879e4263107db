"""A small GitHub Actions runner: one job of a workflow, step by step, in a repository folder, as
GitHub runs it, for what the example workflows use. Enough to run the examples as a user copies
them (the action from a path in the repository, its install step, the upload of the plan) without
GitHub:

- ``uses: actions/checkout@…`` is the repository folder itself (already checked out);
- ``uses: ./PATH`` runs the composite action at PATH: its inputs (defaults, then the step's
  ``with``), its steps, its outputs;
- ``uses: actions/upload-artifact@…`` keeps the file's bytes in ``artifacts[name]``;
- ``run`` steps run in ``bash --noprofile --norc -eo pipefail`` with the step's ``env``, the
  ``GITHUB_*`` files, and ``GITHUB_ACTION_PATH`` inside an action;
- ``${{ … }}`` knows ``inputs.*``, ``steps.ID.outputs.*``, ``secrets.*``, ``matrix.*``,
  ``github.token``, quoted strings, ``==``, ``!=``, ``&&`` and ``||``; ``if:`` is such an
  expression;
- ``strategy.matrix`` (lists of values, no ``include``/``exclude``): ``matrix(workflow, job)``
  lists its combinations, and ``job(…, matrix=…)`` runs the job of one of them.

A job gets the repository's secrets, and its environment's only when it names that environment
(``environment:``, an expression of the matrix too), as GitHub gives them: an environment's
secret wins over the repository's of the same name.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
NAME = re.compile(r"\b(inputs|steps|secrets|matrix|github)\.([\w.-]+)")


@dataclass
class Context:
    """What an expression can read: a job's (or an action's) inputs, step outputs, secrets."""

    inputs: dict[str, str] = field(default_factory=dict)
    steps: dict[str, dict[str, str]] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict)
    matrix: Mapping[str, str] = field(default_factory=dict)
    github_token: str = ""

    def lookup(self, scope: str, path: str) -> str:
        if scope == "inputs":
            return self.inputs.get(path, "")
        if scope == "secrets":
            return self.secrets.get(path, "")
        if scope == "matrix":
            return self.matrix[path]
        if scope == "github":
            assert path == "token", f"github.{path} is not known to this runner"
            return self.github_token
        step, _, output = path.partition(".outputs.")
        return self.steps.get(step, {}).get(output, "")

    def evaluate(self, expression: str) -> Any:
        python = NAME.sub(lambda m: repr(self.lookup(m[1], m[2])), expression)
        python = python.replace("&&", " and ").replace("||", " or ")
        return eval(python, {"__builtins__": {}})

    def substitute(self, value: Any) -> str:
        return EXPRESSION.sub(lambda m: str(self.evaluate(m[1])), str(value))

    def condition(self, step: Mapping[str, Any]) -> bool:
        if "if" not in step:
            return True
        text = str(step["if"])
        match = EXPRESSION.fullmatch(text.strip())
        return bool(self.evaluate(match[1] if match else text))


@dataclass
class Job:
    """The result of a job: whether it succeeded, each step's outputs, everything it printed."""

    ok: bool
    outputs: dict[str, dict[str, str]]
    log: str


@dataclass
class Runner:
    """Runs jobs of ``repo``'s workflows with ``env`` (the runner's environment), the repository
    ``secrets`` and each environment's ``environments[name]`` secrets; ``inputs`` are given to
    every action from a path besides the step's ``with`` (the settings of this runner's world,
    such as the Hex host)."""

    repo: Path
    env: dict[str, str]
    secrets: dict[str, str]
    environments: dict[str, dict[str, str]]
    github_token: str
    inputs: dict[str, str] = field(default_factory=dict)
    artifacts: dict[str, bytes] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def _job_spec(self, workflow: str, name: str) -> dict[str, Any]:
        data = yaml.safe_load((self.repo / ".github" / "workflows" / workflow).read_text("utf-8"))
        job: dict[str, Any] = data["jobs"][name]
        return job

    def matrix(self, workflow: str, name: str) -> list[dict[str, str]]:
        """Every combination of the job's ``strategy.matrix``, in GitHub's order."""
        axes: dict[str, list[Any]] = self._job_spec(workflow, name)["strategy"]["matrix"]
        assert not {"include", "exclude"} & set(axes), "this runner knows plain matrices only"
        return [
            dict(zip(axes, map(str, values), strict=True))
            for values in itertools.product(*axes.values())
        ]

    def job(self, workflow: str, name: str, matrix: Mapping[str, str] | None = None) -> Job:
        job = self._job_spec(workflow, name)
        assert ("strategy" in job) == (matrix is not None), "a matrix job runs with its values"
        context = Context(matrix=matrix or {}, github_token=self.github_token)
        environment = context.substitute(job.get("environment", ""))
        context.secrets = {**self.secrets, **self.environments.get(environment, {})}
        start = len(self.log)
        ok = self._steps(job["steps"], context, action_path=None)
        return Job(ok, context.steps, "".join(self.log[start:]))

    def _steps(
        self, steps: list[dict[str, Any]], context: Context, action_path: Path | None
    ) -> bool:
        for number, step in enumerate(steps):
            if not context.condition(step):
                continue
            step_id = str(step.get("id", f"step{number}"))
            uses = str(step.get("uses", ""))
            if uses.startswith("actions/checkout@"):
                continue  # the repository folder is the checkout
            if uses.startswith("actions/upload-artifact@"):
                given = {k: context.substitute(v) for k, v in step["with"].items()}
                self.artifacts[given["name"]] = Path(given["path"]).read_bytes()
                continue
            if uses.startswith("./"):
                given = {**step.get("with", {}), **self.inputs}
                ok, outputs = self._action(self.repo / uses, given, context)
                context.steps[step_id] = outputs
                if not ok:
                    return False
                continue
            assert "run" in step, f"this runner does not know `uses: {uses}`"
            ok, outputs = self._run(step, context, action_path)
            context.steps[step_id] = outputs
            if not ok:
                return False
        return True

    def _action(
        self, path: Path, given: Mapping[str, Any], caller: Context
    ) -> tuple[bool, dict[str, str]]:
        action = yaml.safe_load((path / "action.yml").read_text(encoding="utf-8"))
        assert action["runs"]["using"] == "composite"
        unknown = set(given) - set(action["inputs"])
        assert not unknown, f"inputs the action does not have: {unknown}"
        inputs = {}
        context = Context(github_token=caller.github_token)
        for name, spec in action["inputs"].items():
            value = given[name] if name in given else spec.get("default", "")
            inputs[name] = (caller if name in given else context).substitute(value)
        context.inputs = inputs
        ok = self._steps(action["runs"]["steps"], context, action_path=path)
        outputs = {k: context.substitute(v["value"]) for k, v in action["outputs"].items()}
        return ok, outputs

    def _run(
        self, step: Mapping[str, Any], context: Context, action_path: Path | None
    ) -> tuple[bool, dict[str, str]]:
        runner_temp = Path(self.env["RUNNER_TEMP"])
        files = runner_temp / f"step-{len(list(runner_temp.glob('step-*')))}"
        files.mkdir()
        script, output = files / "script.sh", files / "output"
        script.write_text(step["run"], encoding="utf-8")
        output.touch()
        env = {
            **self.env,
            **{k: context.substitute(v) for k, v in step.get("env", {}).items()},
            "GITHUB_OUTPUT": str(output),
            "GITHUB_WORKSPACE": str(self.repo),
        }
        if action_path is not None:
            env["GITHUB_ACTION_PATH"] = str(action_path)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        self.log.append(done.stdout + done.stderr)
        pairs = output.read_text(encoding="utf-8").splitlines()
        return done.returncode == 0, dict(line.split("=", 1) for line in pairs if "=" in line)


def runner_env(runner_temp: Path, python: str, **more: str) -> dict[str, str]:
    """A hosted runner's environment: ``python3`` on PATH (the base interpreter of ``python``,
    no packages of this test's), HOME, the package installer's own settings from this machine,
    and ``RUNNER_TEMP``."""
    bin_dir = runner_temp / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    (bin_dir / "python3").symlink_to(python)
    passed = {
        k: v
        for k, v in os.environ.items()
        if k.startswith("PIP_") or k in {"HOME", "SSL_CERT_FILE", "HTTPS_PROXY", "HTTP_PROXY"}
    }
    return {
        **passed,
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "RUNNER_TEMP": str(runner_temp),
        **more,
    }
