"""The values every layer passes around: no I/O, nothing imported from above.

``desired`` (what the manifests ask for), ``live`` (the workspace as read), ``plan`` (the plan
and its changes), ``hex_access`` (Hex's access rules as tables over those values).
"""
