"""Red Flag Radar launcher: `python main.py` plays; `python main.py --help` lists the tools."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
