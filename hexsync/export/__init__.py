"""Export: the workspace as read, written back as manifests (the inverse of loading them)."""
