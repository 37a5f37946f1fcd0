"""Sharing test files out by their recorded times (tests/filetimes.py, used by make unit and make test),
the arguments of make unit's runner (tests/unitrun.py) and the examples its property tests draw
(tests/examplecount.py)."""

from __future__ import annotations

import json

from examplecount import UNIT_EXAMPLES, examples
from filetimes import RECORD, file_weights, recorded, run_order, shares, weights
from unitrun import UNIT_VARIABLE, OnlyShare, split_args


def record(root, **seconds: float) -> None:
    for name, value in seconds.items():
        path = root / RECORD / "tests" / f"{name}.py.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")


def test_heaviest_first_to_the_lightest_share():
    # a (5) to share 0; b (4) and then c (3) to share 1 (4 < 5); d (3) to share 0 (5 < 7); e (1) to share 1
    got = shares({"a": 5.0, "b": 4.0, "c": 3.0, "d": 3.0, "e": 1.0}, 2)
    assert got == [["a", "d"], ["b", "c", "e"]]
    assert shares({"a": 1.0}, 3) == [["a"]]


def test_recorded_times_weigh_and_a_new_file_weighs_as_the_heaviest(tmp_path):
    record(tmp_path, test_a=2.5, test_b=0.5)
    paths = {"tests/test_a.py": 10.0, "tests/test_b.py": 20.0, "tests/test_new.py": 1.0}
    assert recorded(tmp_path, list(paths)) == {"tests/test_a.py": 2.5, "tests/test_b.py": 0.5}
    assert weights(tmp_path, paths) == {"tests/test_a.py": 2.5, "tests/test_b.py": 0.5, "tests/test_new.py": 2.5}


def test_without_a_record_the_stand_in_weighs(tmp_path):
    assert weights(tmp_path, {"tests/test_a.py": 3.0, "tests/test_b.py": 7.0}) == {
        "tests/test_a.py": 3.0,
        "tests/test_b.py": 7.0,
    }


def test_without_a_record_a_file_weighs_its_size_not_its_number_of_tests(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_big.py").write_text("x" * 900, encoding="utf-8")
    (tmp_path / "tests" / "test_many.py").write_text("x" * 100, encoding="utf-8")

    class Item:
        def __init__(self, nodeid: str) -> None:
            self.nodeid = nodeid

    items = [Item(f"tests/test_many.py::test_{i}") for i in range(20)] + [Item("tests/test_big.py::test_x")]
    assert file_weights(tmp_path, items) == {"tests/test_big.py": 900.0, "tests/test_many.py": 100.0}
    record(tmp_path, test_big=1.0, test_many=4.0)
    assert file_weights(tmp_path, items) == {"tests/test_big.py": 1.0, "tests/test_many.py": 4.0}


def test_run_order_keeps_light_files_back_to_run_beside_the_heaviest_build_file():
    weight = {"browser": 90.0, "phone": 80.0, "a": 30.0, "b": 20.0, "c": 6.0, "d": 5.0, "e": 4.0}
    weight |= {"payload": 14.0, "lone": 5.0}
    order = run_order(weight, first={"phone", "browser"}, last={"payload", "lone"})
    # the browser passes first, then heaviest first; c, d and e (15 s, at least payload's 14) run beside
    # the payload file, and the other build file last
    assert order == ["browser", "phone", "a", "b", "payload", "c", "d", "e", "lone"]
    no_build = ["browser", "phone", "a", "b", "payload", "c", "d", "lone", "e"]  # heaviest first, ties by name
    assert run_order(weight, first={"browser"}, last=set()) == no_build
    assert run_order({"x": 1.0, "y": 2.0}, first=set(), last={"y"}) == ["y", "x"]
    assert run_order({"f": 1.0, "y": 2.0}, first={"f"}, last={"y"}) == ["f", "y"]  # a first file stays first


def test_unitrun_reads_the_shares_the_options_and_the_files():
    assert split_args(["2", "-q", "-m", "not end_to_end", "--", "tests/test_a.py", "tests/test_b.py"]) == (
        2,
        ["-q", "-m", "not end_to_end"],
        ["tests/test_a.py", "tests/test_b.py"],
    )
    assert split_args(["3", "tests/test_a.py"]) == (3, [], ["tests/test_a.py"])


def test_make_unit_draws_at_most_the_default_examples_and_make_test_all(monkeypatch):
    monkeypatch.setenv(UNIT_VARIABLE, "1")
    assert UNIT_EXAMPLES == 100
    assert (examples(300).max_examples, examples(40).max_examples, examples(300).deadline) == (100, 40, None)
    monkeypatch.delenv(UNIT_VARIABLE)
    assert (examples(300).max_examples, examples(40).max_examples) == (300, 40)


def test_a_share_is_collected_from_its_folder_without_the_other_files(tmp_path):
    (tmp_path / "tests" / "dev").mkdir(parents=True)
    mine, other = tmp_path / "tests" / "test_a.py", tmp_path / "tests" / "test_b.py"
    share = OnlyShare([str(mine)])
    assert share.folders_to_give() == [str(tmp_path / "tests")]
    assert [share.pytest_ignore_collect(p) for p in (mine, tmp_path / "tests", tmp_path)] == [None, None, None]
    assert [share.pytest_ignore_collect(p) for p in (other, tmp_path / "tests" / "dev")] == [True, True]
