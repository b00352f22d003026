"""Batch import of files and folders: order, hidden files, bad files, cancellation."""

from __future__ import annotations

from deskapp.core.importers import collect_files, iter_import

ARTICLE = ("Headline number {n}\n\n"
           "LONDON (Reuters) - Story number {n} happened today, police said.\n")


def _write(folder, name, content: str | bytes):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_folders_expand_sorted_skipping_hidden_and_unsupported(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.html", ".hidden.txt", ".git/d.txt", "photo.jpg",
                 "notes.txt~"):
        _write(tmp_path, name, "x")
    files = [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])]
    assert files == ["a.md", "b.txt", "sub/c.html"]
    flat = [p.name for p in collect_files([tmp_path], recursive=False)]
    assert flat == ["a.md", "b.txt"]


def test_named_files_are_always_tried(tmp_path):
    picture = _write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0 JFIF")
    (result,) = iter_import([picture])
    assert not result.ok and "JPEG image" in result.error


def test_a_thousand_files_with_a_few_bad_ones(tmp_path):
    bad = {
        "0100.txt": b"",
        "0200.txt": b"\x89PNG\r\n\x1a\n....",
        "0300.txt": "Café…".encode()[:-1],
        "0400.txt": b"PK\x03\x04rest",
        "0500.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    }
    for n in range(1000):
        _write(tmp_path, f"{n:04d}.txt", ARTICLE.format(n=n))
    for name, payload in bad.items():
        (tmp_path / name).with_suffix(".txt").unlink()
        _write(tmp_path, name, payload)
    results = list(iter_import([tmp_path]))
    assert len(results) == 1000
    failed = {r.path.name: r.error for r in results if not r.ok}
    assert set(failed) == set(bad)
    assert all(name in error for name, error in failed.items())
    good = [r for r in results if r.ok]
    assert len(good) == 995
    assert good[0].document.article.meta.title == "Headline number 0"
    assert good[-1].document.article.meta.title == "Headline number 999"


def test_a_file_deleted_after_listing_is_reported_and_the_batch_goes_on(tmp_path):
    for n in range(3):
        _write(tmp_path, f"{n}.txt", ARTICLE.format(n=n))
    files = collect_files([tmp_path])
    files[1].unlink()
    results = list(iter_import(files))
    assert [r.ok for r in results] == [True, False, True]
    assert "1.txt" in results[1].error and "does not exist" in results[1].error


def test_cancel_stops_between_files(tmp_path):
    for n in range(10):
        _write(tmp_path, f"{n}.txt", ARTICLE.format(n=n))
    seen = []

    def cancelled() -> bool:
        return len(seen) >= 3

    for result in iter_import([tmp_path], cancelled=cancelled):
        seen.append(result)
    assert [r.path.name for r in seen] == ["0.txt", "1.txt", "2.txt"]


def test_results_come_one_at_a_time(tmp_path):
    for n in range(3):
        _write(tmp_path, f"{n}.txt", ARTICLE.format(n=n))
    results = iter_import([tmp_path])
    first = next(results)
    assert first.ok and first.path.name == "0.txt"
    (tmp_path / "2.txt").unlink()
    assert [r.ok for r in results] == [True, False]
