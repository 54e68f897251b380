"""The whole-line edits fixes make, applied: numbering, line ends kept, the
last line given a line end of the file's kind."""
from __future__ import annotations

from sixk_grammar.lint.edits import Edit, apply, line_edit


def test_edits_apply_from_the_bottom_so_that_line_numbers_hold():
    assert apply("1\n2\n3\n", [Edit(1, 1, ("a", "b")), line_edit(3, "z")]) == "a\nb\n2\nz\n"
    assert apply("1\n2\n3\n", [line_edit(3, "z"), Edit(1, 2, ())]) == "z\n"


def test_each_line_keeps_its_own_line_end():
    assert apply("a\r\nb\nc", [line_edit(2, "B")]) == "a\r\nB\nc"
    assert apply("a\nb\r\nc", [line_edit(2, "B")]) == "a\nB\r\nc"
    assert apply("a\r\nb\r\n", [Edit(1, 1, ("x", ""))]) == "x\r\n\r\nb\r\n"


def test_a_last_line_given_a_line_end_gets_the_files_kind():
    assert apply("a\r\nb", [Edit(2, 2, ("x", "y", ""))]) == "a\r\nx\r\ny\r\n"
    assert apply("a\nb", [Edit(2, 2, ("x", ""))]) == "a\nx\n"
    assert apply("a\r\nb", [Edit(2, 2, ("x", "", "y"))]) == "a\r\nx\r\n\r\ny"     # ends with text: no line end
    assert apply("a\r\nb", [Edit(2, 2, ("",))]) == "a\r\n"


def test_old_mac_text_is_numbered_by_its_carriage_returns():
    assert apply("a\rb\rc", [line_edit(2, "B")]) == "a\rB\rc"


def test_the_last_line_can_be_deleted_and_a_lone_carriage_return_at_the_end_stays():
    assert apply("a\r\nb", [Edit(2, 2, ())]) == "a\r\n"
    assert apply("a\nb\r", [line_edit(2, "B")]) == "a\nB\r"
