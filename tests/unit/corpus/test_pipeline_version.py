"""The parsed-article cache cannot go stale silently: a change to the importer's code must come
with a new PIPELINE_VERSION (and the fingerprint recorded beside it)."""

from desktop_app.corpus import pipeline_version


def test_the_importer_fingerprint_matches_the_recorded_one():
    actual = pipeline_version.importer_fingerprint()
    assert actual == pipeline_version.IMPORTER_FINGERPRINT, (
        "the importer's code changed: bump PIPELINE_VERSION in desktop_app/corpus/pipeline_version.py "
        f"and set IMPORTER_FINGERPRINT = {actual!r}"
    )


def test_the_fingerprint_follows_any_change_to_an_importer_module(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "folding.py").write_text("x = 1\n")
    (corpus / "structure.py").write_text("y = 1\n")
    (corpus / "library.py").write_text("z = 1\n")
    before = pipeline_version.importer_fingerprint(corpus)
    (corpus / "library.py").write_text("z = 2\n")  # not the importer
    assert pipeline_version.importer_fingerprint(corpus) == before
    (corpus / "structure.py").write_text("y = 2\n")
    assert pipeline_version.importer_fingerprint(corpus) != before
