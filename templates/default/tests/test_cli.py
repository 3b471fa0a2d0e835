"""Tests of the command-line interface."""

import logging

import pytest

from {{package}} import (
    __version__,
    cli,
)


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {cli.build_parser().prog}")
    assert "hello" in out


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli.main(["--help"])
    assert excinfo.value.code == 0
    assert "--version" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli.main(["--version"])
    assert excinfo.value.code == 0
    assert capsys.readouterr().out.strip().endswith(__version__)


def test_hello_greets_the_world_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["hello"]) == 0
    assert capsys.readouterr().out == "Hello, world!\n"


def test_hello_greets_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["hello", "--name", "Ada"]) == 0
    assert capsys.readouterr().out == "Hello, Ada!\n"


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli.main(["no-such-command"])
    assert excinfo.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flags", "level"),
    [([], logging.WARNING), (["-v"], logging.INFO), (["-vv"], logging.DEBUG)],
)
def test_verbose_sets_the_log_level(
    caplog: pytest.LogCaptureFixture, flags: list[str], level: int
) -> None:
    caplog.set_level(logging.DEBUG)  # pytest restores the root level afterwards
    assert cli.main([*flags, "hello"]) == 0
    assert logging.getLogger().level == level


def test_verbose_logs_the_greeting(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert cli.main(["-v", "hello", "--name", "Ada"]) == 0
    assert "greeting Ada" in caplog.text
