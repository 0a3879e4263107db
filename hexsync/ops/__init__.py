"""The operations every face offers (the CLI, the MCP server): one implementation below them all.

A face parses its input, calls one operation here, and renders the result; the JSON views the
faces print are built here too, so the command line and the MCP tools can never drift apart.
"""
