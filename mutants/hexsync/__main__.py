"""``python -m hexsync`` runs the command line, as the ``hexsync`` script does."""

from hexsync.cli.main import main

if __name__ == "__main__":
    main()
