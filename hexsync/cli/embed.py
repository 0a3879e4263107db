"""``hexsync embed PROJECT``: a single-use presigned URL to embed a published app."""

from __future__ import annotations

import click

from hexsync.cli._output import format_options, to_json
from hexsync.cli._resolve import parse_inputs, parse_pairs, with_client
from hexsync.errors import ConfigError
from hexsync.hexapi import EmbedDisplayOptions, HexClient, Project
from hexsync.ops.embed import MAX_EXPIRES_MS, SCOPES, embed_json, presigned_url


@click.command(short_help="A presigned URL that embeds a published app.")
@click.argument("project_ref", metavar="PROJECT")
@click.option("--attr", "attrs", multiple=True, metavar="KEY=VALUE", help="Hex user attribute.")
@click.option("--input", "inputs", multiple=True, metavar="NAME=VALUE", help="Input default.")
@click.option("--theme", type=click.Choice(["light", "dark"]), help="Colour theme of the app.")
@click.option("--no-header-padding", is_flag=True, help="No padding above the app.")
@click.option("--no-base-padding", is_flag=True, help="No padding around the app.")
@click.option("--no-outline", is_flag=True, help="No outline around the app.")
@click.option("--no-footer", is_flag=True, help="No Hex footer.")
@click.option("--run-button", is_flag=True, help="Show the run button.")
@click.option(
    "--export",
    "exports",
    multiple=True,
    type=click.Choice(sorted(SCOPES)),
    help="Let the viewer export (repeatable).",
)
@click.option(
    "--expires-in",
    type=int,
    metavar="MS",
    help=f"Milliseconds the URL stays valid, at most {MAX_EXPIRES_MS} (Hex's default 15000).",
)
@click.option("--test-mode", is_flag=True, help="Test the embedding: no run, not counted.")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {url, project, ...}.")
@click.pass_context
def embed(
    ctx: click.Context,
    project_ref: str,
    attrs: tuple[str, ...],
    inputs: tuple[str, ...],
    theme: str | None,
    no_header_padding: bool,
    no_base_padding: bool,
    no_outline: bool,
    no_footer: bool,
    run_button: bool,
    exports: tuple[str, ...],
    expires_in: int | None,
    test_mode: bool,
    as_json: bool,
) -> None:
    """Print a presigned URL that embeds PROJECT's published app (id or exact title).

    The URL works once and expires (--expires-in). Needs Hex's Enterprise plan with the
    Embedded Analytics add-on. Input values are JSON when they parse, text otherwise.

    \b
    Examples:
      hexsync embed "Revenue overview" --attr customer=acme --input region=EMEA
      hexsync embed 0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11 --theme dark --expires-in 60000 --json
    """
    if expires_in is not None and not 0 < expires_in <= MAX_EXPIRES_MS:
        raise ConfigError(
            f"--expires-in must be between 1 and {MAX_EXPIRES_MS} ms (5 minutes); got {expires_in}"
        )
    attributes = parse_pairs(attrs, "--attr")
    params = parse_inputs(inputs)
    display = EmbedDisplayOptions(
        theme=theme,
        show_embedded_run_button=True if run_button else None,
        no_embed_header_padding=True if no_header_padding else None,
        no_embed_base_padding=True if no_base_padding else None,
        no_embed_outline=True if no_outline else None,
        no_embed_footer=True if no_footer else None,
    )

    async def work(client: HexClient) -> tuple[Project, str]:
        return await presigned_url(
            client,
            project_ref,
            attributes=attributes,
            inputs=params,
            exports=exports,
            expires_in=expires_in,
            display=display,
            test_mode=test_mode,
        )

    project, url = with_client(ctx, work)
    if as_json:
        click.echo(to_json(embed_json(project, url, expires_in=expires_in, test_mode=test_mode)))
        return
    click.echo(url)
