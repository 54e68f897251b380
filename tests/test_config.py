"""The configuration in process: what each setting does, where the file is
found, which rules run on which path, and the one-line error of each bad
setting (the command line's use of it is in test_cli_check and test_cli_safety)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from sixk_grammar.lint.config import DEFAULT_MAX_SIZE_MB, Config, ConfigError, expand, find_config, load
from sixk_grammar.lint.registry import all_rules
from sixk_grammar.sources import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, MEMBER_SEPARATOR, STDIN

KNOWN = [rule.code for rule in all_rules()]


def written(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_defaults_run_every_rule_on_the_usual_files():
    config = load(None)
    assert (config.select, config.ignore, config.extend_select, config.per_file_ignores) == (["ALL"], [], [], {})
    assert (config.include, config.exclude, config.extend_exclude) == (list(DEFAULT_INCLUDE), list(DEFAULT_EXCLUDE), [])
    assert (config.max_size_mb, config.docs_url, config.source) == (DEFAULT_MAX_SIZE_MB, None, None)
    assert config.codes_for("a.txt") == set(KNOWN)
    assert config.root == Path.cwd()


def test_every_setting_is_read(tmp_path):
    path = written(tmp_path, "sixk_grammar.toml", """
select = ["SK2", "SK3"]
ignore = ["SK204"]
extend-select = ["SK101"]
per-file-ignores = {"old/*.txt" = ["SK3"]}
include = ["*.txt"]
exclude = ["build"]
extend-exclude = ["tmp"]
max-size = 2
docs-url = "https://example.com/docs"
""")
    config = load(path)
    assert (config.select, config.ignore, config.extend_select) == (["SK2", "SK3"], ["SK204"], ["SK101"])
    assert config.per_file_ignores == {"old/*.txt": ["SK3"]}
    assert (config.include, config.exclude, config.extend_exclude) == (["*.txt"], ["build"], ["tmp"])
    assert config.excludes == ["build", "tmp"]
    assert (config.max_size_mb, config.docs_url, config.source) == (2.0, "https://example.com/docs", str(path))
    assert config.root == tmp_path.resolve()
    sk2 = {code for code in KNOWN if code.startswith("SK2")} - {"SK204"}
    sk3 = {code for code in KNOWN if code.startswith("SK3")}
    assert config.codes_for("new.txt") == sk2 | sk3 | {"SK101"}
    assert config.codes_for(str(tmp_path / "old" / "a.txt")) == sk2 | {"SK101"}


def test_pyproject_is_read_from_its_tool_table_only(tmp_path):
    path = written(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.sixk_grammar]\nignore = ["SK204"]\n')
    assert load(path).ignore == ["SK204"]
    (tmp_path / "sub").mkdir()
    other = written(tmp_path / "sub", "pyproject.toml", 'select = ["SK1"]\n')
    assert load(other).select == ["ALL"]        # a pyproject's top level is not this tool's
    plain = written(tmp_path, "plain.toml", '[tool.sixk_grammar]\nignore = ["SK204"]\n')
    assert load(plain).ignore == ["SK204"]      # another file may hold the table too


@pytest.mark.parametrize("text,message", [
    ('colour = "red"\nshade = 1', "unknown setting(s) colour, shade"),
    ('select = "SK2"', "select must be a list of strings"),
    ("ignore = [204]", "ignore must be a list of strings"),
    ("extend-select = [1]", "extend-select must be a list of strings"),
    ("include = [1]", "include must be a list of strings"),
    ("exclude = [1]", "exclude must be a list of strings"),
    ("extend-exclude = [1]", "extend-exclude must be a list of strings"),
    ('per-file-ignores = ["a"]', "per-file-ignores must map globs to lists of codes"),
    ('per-file-ignores = {"a" = "SK204"}', "per-file-ignores must map globs to lists of codes"),
    ("max-size = 0", "max-size must be a positive number of megabytes"),
    ('max-size = "1"', "max-size must be a positive number of megabytes"),
    ('docs-url = "ftp://x"', "docs-url must be an http(s) address"),
    ("docs-url = 1", "docs-url must be an http(s) address"),
    ('select = ["XX9"]', "unknown rule selector 'XX9'"),
    ('per-file-ignores = {"a" = ["NOPE"]}', "unknown rule selector 'NOPE'"),
])
def test_a_bad_setting_is_a_one_line_error_naming_the_file(tmp_path, text, message):
    path = written(tmp_path, "sixk_grammar.toml", text)
    with pytest.raises(ConfigError) as raised:
        load(path)
    expected = message if message.startswith("unknown rule selector") else f"{path}: {message}"
    assert str(raised.value) == expected


def test_a_file_that_is_no_toml_or_cannot_be_read(tmp_path):
    with pytest.raises(ConfigError, match=r"^.*bad\.toml is not valid TOML: "):
        load(written(tmp_path, "bad.toml", "select = ["))
    (tmp_path / "latin.toml").write_bytes(b'docs-url = "\xe9"')
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load(tmp_path / "latin.toml")
    with pytest.raises(ConfigError, match=r"^cannot read .*missing\.toml: No such file or directory$"):
        load(tmp_path / "missing.toml")


def test_the_nearest_config_upwards_wins_and_a_plain_pyproject_is_passed_over(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    top = written(tmp_path, "pyproject.toml", "[tool.sixk_grammar]\n")
    assert find_config(deep) == top
    written(tmp_path / "a", "pyproject.toml", '[project]\nname = "x"\n')      # no table: not a config
    assert find_config(deep) == top
    hidden = written(tmp_path / "a", ".sixk_grammar.toml", "")
    assert find_config(deep) == hidden
    own = written(tmp_path / "a", "sixk_grammar.toml", "")                    # first of the names in a folder
    assert find_config(deep) == own
    broken = written(deep, "pyproject.toml", "[tool.sixk_grammar\n")         # found, to be reported when loaded
    assert find_config(deep) == broken


def test_selectors_expand_by_prefix_and_all():
    assert expand(["sk20", " ", "SK101 "], KNOWN) == {c for c in KNOWN if c.startswith("SK20")} | {"SK101"}
    assert expand(["ALL"], KNOWN) == expand(["all"], KNOWN) == set(KNOWN)
    assert expand([], KNOWN) == set()
    with pytest.raises(ConfigError, match=r"^unknown rule selector 'SK9'$"):
        expand(["SK9"], KNOWN)


def test_per_file_ignores_match_the_path_as_given_relative_or_by_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = Config(per_file_ignores={"./filings/a.txt": ["SK204"], "b.txt": ["SK203"],
                                      "deep/*.txt": ["SK201"]})
    everything = set(KNOWN)
    assert config.codes_for("filings/a.txt") == everything - {"SK204"}
    assert config.codes_for("./filings/a.txt") == everything - {"SK204"}
    assert config.codes_for(str(tmp_path / "filings" / "a.txt")) == everything - {"SK204"}
    assert config.codes_for("other/b.txt") == everything - {"SK203"}                # by its name
    assert config.codes_for(str(tmp_path / "deep" / "c.txt")) == everything - {"SK201"}
    assert config.codes_for("/elsewhere/deep/c.txt") == everything                  # not under the root
    assert config.codes_for(f"x.zip{MEMBER_SEPARATOR}b.txt") == everything           # the archive's name
    assert config.codes_for(f"b.txt{MEMBER_SEPARATOR}inner.txt") == everything - {"SK203"}
    assert config.codes_for(STDIN) == everything


def test_the_root_is_the_config_files_folder(tmp_path, monkeypatch):
    path = written(tmp_path, "sixk_grammar.toml", 'per-file-ignores = {"sub/*.txt" = ["SK204"]}\n')
    monkeypatch.chdir(Path(os.sep))
    config = load(path)
    assert config.codes_for(str(tmp_path / "sub" / "x.txt")) == set(KNOWN) - {"SK204"}
    assert config.root == tmp_path.resolve()


def test_the_smallest_settings_that_are_still_valid(tmp_path):
    config = load(written(tmp_path, "sixk_grammar.toml", 'max-size = 0.5\ndocs-url = "http://intranet/docs/"\n'))
    assert (config.max_size_mb, config.docs_url) == (0.5, "http://intranet/docs/")


def test_a_path_given_with_dot_slash_matches_outside_the_config_folder(tmp_path, monkeypatch):
    """Run from another folder than the config's: the relative spelling fails,
    the path as typed (without its "./") still matches."""
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    config = Config(per_file_ignores={"filings/a.txt": ["SK204"]},
                    source=str(tmp_path / "elsewhere" / "sixk_grammar.toml"))
    assert config.codes_for("./filings/a.txt") == set(KNOWN) - {"SK204"}
    assert config.codes_for("./other/a.txt") == set(KNOWN)


def test_an_archive_member_whose_name_holds_the_separator_goes_by_its_archives_name():
    config = Config(per_file_ignores={"filings.zip": ["SK204"]})
    member = f"filings.zip{MEMBER_SEPARATOR}q1{MEMBER_SEPARATOR}a.txt"
    assert config.codes_for(member) == set(KNOWN) - {"SK204"}
