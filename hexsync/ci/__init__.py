"""CI glue: what hexsync's GitHub Action and GitLab CI template run, installed with hexsync.

    python -m hexsync.ci.github plan|apply|drift     (action.yml)
    python -m hexsync.ci.gitlab plan|apply|drift     (examples/ci/gitlab/hexsync.gitlab-ci.yml)

Each runs the ``hexsync`` command and talks to the forge's REST API with the standard library
only (and reads a workspace's ``token_env`` from hexsync.yaml with PyYAML, a dependency of
hexsync's), so it runs anywhere and is tested against fake APIs on loopback. Shipping it inside the
package pins it to the hexsync it drives: the action and the template install one version.
Nothing else in hexsync imports this package.
"""
