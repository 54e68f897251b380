"""Work in worker processes: batch sizes, order, and the configuration found once a folder."""
from __future__ import annotations

from types import SimpleNamespace

from sixk_grammar.cli import check_command
from sixk_grammar.parallel import BALANCE, batch_size, ordered_map


def test_batches_are_small_enough_for_every_worker_to_get_many():
    assert batch_size(64, 2, None) == 64                  # an unknown count: the largest batch
    assert batch_size(64, 2, 1200) == 1200 // (2 * BALANCE) == 37
    assert batch_size(64, 2, 100_000) == 64
    assert batch_size(64, 2, 5) == 1
    assert batch_size(64, 0, 64 * BALANCE) == 64


def test_results_keep_their_order_with_a_known_count():
    items = list(range(-500, 0))
    assert list(ordered_map(abs, items, jobs=2, total=len(items))) == [abs(n) for n in items]


def test_a_folder_without_configuration_is_looked_up_once(tmp_path, monkeypatch):
    looked = []
    real = check_command.find_config

    def counting(folder):
        looked.append(folder)
        return real(folder)
    monkeypatch.setattr(check_command, "find_config", counting)
    monkeypatch.chdir(tmp_path)
    args = SimpleNamespace(config=None, select=None, extend_select=None, ignore=None, include=None, exclude=None,
                           extend_exclude=None, per_file_ignores=None, extend_per_file_ignores=None,
                           line_length=None, max_size_mb=None, stdin_filename=None)
    (tmp_path / "filings").mkdir()
    settings = check_command.Settings(args)
    for name in ("a.txt", "b.txt", "c.txt"):
        assert settings.for_path(str(tmp_path / "filings" / name)) is settings.default
    assert looked == [tmp_path.resolve(), (tmp_path / "filings").resolve()]
