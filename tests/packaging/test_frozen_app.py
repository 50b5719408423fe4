"""The frozen app, built from build.spec exactly as a release is: it must start, search,
annotate and export on its own, carry what it needs, leave out what it does not, and write
nothing inside its own folder.

Runs in CI (CI=true) or with AIGC_PACKAGING=1; skipped otherwise (the build takes ~40 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        not (os.environ.get("CI") or os.environ.get("AIGC_PACKAGING")),
        reason="builds the bundle: runs in CI, or locally with AIGC_PACKAGING=1",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=ROOT,
        timeout=900,
        capture_output=True,
    )
    return work / "dist" / "aigc-reader"


def listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*")}


def run(bundle: Path, *args: str, executable: str = "aigc-reader") -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AIGC_READER")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(bundle.parent.parent / "home"),
        XDG_DATA_HOME=str(bundle.parent.parent / "home" / "data"),
        XDG_CACHE_HOME=str(bundle.parent.parent / "home" / "cache"),
    )
    return subprocess.run(
        [str(bundle / executable), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=300
    )


def test_the_bundle_carries_what_it_needs_and_not_more(bundle: Path) -> None:
    internal = bundle / "_internal"
    for needed in (
        "jieba/dict.txt",
        "jieba/analyse/idf.txt",
        "resources/jieba_userdict.txt",
        "resources/icons/aigc-reader.png",
    ):
        assert (internal / needed).is_file(), needed
    assert len(list((internal / "sources").glob("*.txt"))) == 5
    qt = internal / "PySide6" / "Qt"
    contexts = {p.name for p in (qt / "plugins" / "platforminputcontexts").iterdir()}
    assert any("ibus" in name for name in contexts) and any("compose" in name for name in contexts)
    assert (qt / "plugins" / "platforms").is_dir()
    translations = {p.name for p in (qt / "translations").iterdir()}
    assert {"qtbase_zh_CN.qm", "qtbase_en.qm"} <= translations and len(translations) <= 4
    present = {p.name for p in internal.rglob("*")}
    for unused in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia"):
        assert not any(unused in name for name in present), unused
    assert (bundle / "aigc-reader").is_file() and (bundle / "aigc-reader-cli").is_file()


def test_each_executable_gets_a_windows_version_resource(bundle: Path) -> None:
    """PyInstaller reads these files only on Windows, by evaluating them with its version-info
    classes; the stand-ins below take exactly those classes' arguments."""
    from desktop_app import __version__

    def record(kind: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = {
        name: record(name)
        for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "VarFileInfo", "VarStruct")
    }
    names["StringStruct"] = lambda key, value: (key, value)
    for executable in ("aigc-reader", "aigc-reader-cli"):
        written = next((bundle.parent.parent / "build").rglob(f"version-{executable}.txt"))  # under workpath/<spec>
        text = written.read_text(encoding="utf-8")
        _, _, info = eval(text, names)  # noqa: S307 - our own build output, as PyInstaller reads it
        fixed = info["ffi"][2]
        assert fixed["filevers"][:3] == tuple(int(part) for part in __version__.split(".")[:3])
        strings = dict(info["kids"][0][1][0][0][1][1])
        assert strings["ProductVersion"] == __version__ and strings["OriginalFilename"] == f"{executable}.exe"


def test_the_frozen_app_works_and_writes_nothing_inside_itself(bundle: Path, tmp_path: Path) -> None:
    before = listing(bundle)
    self_test = run(bundle, "--self-test")
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr
    assert self_test.stdout.startswith("self-test ok:")

    data = tmp_path / "data"
    found = run(bundle, "--data-dir", str(data), "search", "北美的商业", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and all("北美的商业" in hit["snippet"] for hit in hits)

    added = run(
        bundle,
        "--data-dir",
        str(data),
        "annotate",
        "add",
        "--article",
        hits[0]["article"],
        "--quote",
        "北美的商业",
        "--note",
        "冻结版的笔记",
        "--json",
        executable="aigc-reader-cli",
    )
    assert added.returncode == 0, added.stderr
    exported = run(bundle, "--data-dir", str(data), "export", "--format", "markdown")
    assert exported.returncode == 0 and "冻结版的笔记" in exported.stdout and "> 北美的商业" in exported.stdout

    bad = run(bundle, "--data-dir", str(data), "show", "no-such-article")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert listing(bundle) == before  # caches and data went to the data dir, not the app's folder
    assert (data / "cache" / "index").is_dir()

    home = bundle.parent.parent / "home"  # without --data-dir: the per-user data and cache dirs
    searched = run(bundle, "search", "北美的商业", "--json")
    listed = run(bundle, "annotate", "list", "--json")
    assert searched.returncode == 0 and listed.returncode == 0, searched.stderr + listed.stderr
    assert (home / "cache" / "aigc-reader" / "index").is_dir() and (home / "data" / "aigc-reader" / "users").is_dir()
    assert not (home / "data" / "aigc-reader" / "cache").exists()
    assert listing(bundle) == before


def test_the_frozen_app_indexes_a_big_library_in_forked_workers(bundle: Path, tmp_path: Path) -> None:
    # Over PARALLEL_THRESHOLD blocks the index segments them in a forked process pool, which the
    # frozen app must run without PyInstaller's multiprocessing hook (build.spec leaves it out).
    article = tmp_path / "big_interview.md"
    article.write_text(
        "# 一次很长的访谈\n\n"
        + "\n\n".join(f"第{number}段：大模型正在改变内容生产，这是第{number}个观察。" for number in range(450))
        + "\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    imported = run(bundle, "--data-dir", str(data), "import", str(article), executable="aigc-reader-cli")
    assert imported.returncode == 0, imported.stderr
    indexed = run(bundle, "--data-dir", str(data), "index", "--json", executable="aigc-reader-cli")
    assert indexed.returncode == 0, indexed.stderr
    assert len(json.loads(indexed.stdout)["added"]) == 6
    found = run(bundle, "--data-dir", str(data), "search", "第437个观察", "--json", executable="aigc-reader-cli")
    assert found.returncode == 0, found.stderr
    assert [hit["article"] for hit in json.loads(found.stdout)] == ["big_interview"]


def test_the_frozen_app_extracts_a_saved_web_page_and_reads_front_matter(bundle: Path, tmp_path: Path) -> None:
    # trafilatura, jusText, courlan and htmldate read data files next to their modules: a bundle
    # without them fails only here, at the first web page a user imports.
    paragraphs = "".join(
        f"<p>第{n}段正文：记者在现场看到，新的生产线已经投入使用，工人们正在调试设备。</p>" for n in range(12)
    )
    page = tmp_path / "saved_page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>工厂复工记_财经_某某网</title>"
        "<meta property='og:url' content='https://news.example.com/a/1'></head><body>"
        "<nav><a href='/'>首页</a><a href='/news'>新闻</a><a href='/login'>登录</a></nav>"
        f"<article><h1>工厂复工记</h1><p>2024-05-13 09:00</p>{paragraphs}</article>"
        "<footer><p>京ICP备12345678号 版权所有 © 某某网</p><p>热门推荐</p></footer></body></html>",
        encoding="utf-8",
    )
    clip = tmp_path / "clip.md"
    clip.write_text(
        "---\ntitle: |\n  对话张三：一次长谈\nauthor: |\n  某某\ndate_saved: 2023-07-04 12:27:51\n---\n\n"
        "张三：我们先从头说起，这件事情其实很简单。\n\n记者：那么后来呢？\n\n张三：后来就慢慢做起来了。\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    imported = run(
        bundle, "--data-dir", str(data), "import", str(page), str(clip), "--json", executable="aigc-reader-cli"
    )
    assert imported.returncode == 0, imported.stderr
    reports = {entry["id"]: entry for entry in json.loads(imported.stdout)}
    assert reports["saved_page"]["title"] == "工厂复工记"
    assert reports["clip"]["title"] == "对话张三：一次长谈" and reports["clip"]["speakers"] == ["张三", "记者"]
    text = run(bundle, "--data-dir", str(data), "show", "saved_page", "--text", executable="aigc-reader-cli").stdout
    assert "第11段正文" in text and "ICP" not in text and "登录" not in text
