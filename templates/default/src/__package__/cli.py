"""Command-line interface: argument parsing, logging set-up and the commands."""

import argparse
import logging

from . import __version__

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with the global options and the subcommands."""
    parser = argparse.ArgumentParser(
        prog="{{name}}",
        epilog="Run '%(prog)s COMMAND --help' for the options of a command.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log more details: -v for info, -vv for debug",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    hello_parser = commands.add_parser(
        "hello",
        help="print a greeting",
        description="Print a greeting.",
    )
    hello_parser.add_argument(
        "--name",
        default="world",
        help="who to greet (default: %(default)s)",
    )
    return parser


def configure_logging(verbosity: int) -> None:
    """Send log records to stderr at a level set by the number of -v flags."""
    levels = {0: logging.WARNING, 1: logging.INFO}
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(levels.get(verbosity, logging.DEBUG))


def hello(name: str) -> int:
    """Print a greeting for ``name`` and return the exit code."""
    logger.info("greeting %s", name)
    print(f"Hello, {name}!")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    logger.debug("arguments: %s", args)
    if args.command == "hello":
        return hello(args.name)
    parser.print_help()
    return 0
