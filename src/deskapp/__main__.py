"""`python -m deskapp`."""

from deskapp.cli import main

if __name__ == "__main__":
    main()
