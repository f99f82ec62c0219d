"""Allow ``python -m gespreks_tui``."""

from gespreks_tui.cli import main

if __name__ == "__main__":
    main()
