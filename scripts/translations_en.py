"""The English UI: each Chinese source text of the window and its English translation.

`python scripts/translations_en.py` refreshes resources/translations/aigc_reader_en.ts from the
sources (pyside6-lupdate), fills in the translations below and compiles the .qm the app loads
(pyside6-lrelease). A test fails when a text of the window has no translation here.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "aigc_reader_en.ts"
QM = TS.with_suffix(".qm")
SOURCES = [ROOT / "desktop_app" / "app.py", *sorted((ROOT / "desktop_app" / "ui").glob("*.py"))]

ENGLISH = {
    "⚠ 未定位 · ": "⚠ orphaned · ",
    "筛选批注": "Filter annotations",
    "显示全部文章的批注": "Show annotations of every article",
    "笔记（Ctrl+Enter 保存）": "Note (Ctrl+Enter saves)",
    "标签，用空格分开": "Tags, separated by spaces",
    "保存": "Save",
    "删除": "Delete",
    "AIGC 阅读器": "AIGC Reader",
    "原文": "Original article",
    "黄色": "yellow",
    "绿色": "green",
    "蓝色": "blue",
    "粉色": "pink",
    "紫色": "purple",
    "标题": "Title",
    "来源": "Source",
    "日期": "Date",
    "发言人": "Speakers",
    "批注": "Annotations",
    "{count} 位发言人": "{count} speakers",
    "{count} 字": "{count} characters",
    "{count} 条批注": "{count} annotations",
    "AIGC 阅读器 — {user}": "AIGC Reader — {user}",
    "筛选文章（标题、来源、日期）": "Filter articles (title, source, date)",
    "文库": "Library",
    "大纲": "Outline",
    "搜索": "Search",
    "查找": "Find",
    "在本文中查找（F3 下一个，Shift+F3 上一个，Esc 关闭）": "Find in this article (F3 next, Shift+F3 previous, Esc closes)",
    "文件(&F)": "&File",
    "编辑(&E)": "&Edit",
    "视图(&V)": "&View",
    "帮助(&H)": "&Help",
    "导入文章…": "Import articles…",
    "导出批注…": "Export annotations…",
    "复制所选批注为 Markdown": "Copy selected annotations as Markdown",
    "切换用户…": "Switch user…",
    "退出": "Quit",
    "撤销批注改动": "Undo annotation change",
    "重做批注改动": "Redo annotation change",
    "高亮所选文字": "Highlight selection",
    "高亮所选文字（整句）": "Highlight selection (whole sentences)",
    "在本文中查找": "Find in article",
    "查找下一个": "Find next",
    "查找上一个": "Find previous",
    "搜索全部文章": "Search all articles",
    "放大": "Zoom in",
    "缩小": "Zoom out",
    "原始大小": "Actual size",
    "只看所选发言人": "Only the selected speaker",
    "主题": "Theme",
    "跟随系统": "Follow the system",
    "浅色": "Light",
    "深色": "Dark",
    "键盘快捷键": "Keyboard shortcuts",
    "索引已重建（{reason}）": "Index rebuilt ({reason})",
    "索引文件夹被一个文件替换了": "the index folder was replaced by a file",
    "索引来自旧版本": "index from an older version",
    "索引的元数据缺失或损坏": "index metadata missing or damaged",
    "索引上次没有写完": "index left half-written",
    "索引的段落表损坏": "index block table damaged",
    "索引的段落表与文章不一致": "index block table out of step",
    "索引文件缺失": "index files missing",
    "索引文件损坏": "index files damaged",
    "显示全文": "Showing the whole text",
    "只显示{speaker}的 {turns} 段发言和所答的问题（再按“只看此人”显示全文）": "Showing only {speaker}'s {turns} turns and the questions they answer (press “Only this speaker” again for the whole text)",
    "先选中要高亮的文字": "Select the text to highlight first",
    "已高亮并保存": "Highlighted and saved",
    "高亮为{color}": "Highlight in {color}",
    "复制": "Copy",
    "批注已保存": "Annotation saved",
    "批注已删除（Ctrl+Z 撤销）": "Annotation deleted (Ctrl+Z undoes)",
    "{count} 处匹配": "{count} matches",
    "导入文章": "Import articles",
    "文章 (*.txt *.md *.markdown *.html *.htm);;所有文件 (*)": "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)",
    "以下文件没有导入：": "These files were not imported:",
    "Markdown，本文 (*.md)": "Markdown, this article (*.md)",
    "Markdown，全部文章 (*.md)": "Markdown, all articles (*.md)",
    "Web Annotation JSON，本文 (*.json)": "Web Annotation JSON, this article (*.json)",
    "Web Annotation JSON，全部文章 (*.json)": "Web Annotation JSON, all articles (*.json)",
    "导出批注": "Export annotations",
    "批注.md": "annotations.md",
    "无法写入 {path}：{reason}": "Cannot write {path}: {reason}",
    "已导出到 {path}": "Exported to {path}",
    "已复制为 Markdown": "Copied as Markdown",
    "切换用户": "Switch user",
    "批注数据库": "Annotations database",
    "批注数据库无法打开。在恢复之前，新的高亮和笔记无法保存。": "The annotations database cannot be opened. Until it is restored, new highlights and notes cannot be saved.",
    "正在导入 {count} 个文件…": "Importing {count} files…",
    "打开日志文件夹": "Open the log folder",
    "恢复这一段": "Bring this paragraph back",
    "显示已删除内容": "Show what cleaning removed",
    "图片说明": "caption",
    "剪藏外壳": "clipper wrapper",
    "元信息": "metadata",
    "推广尾巴": "promotion tail",
    "已删除：{rule}": "removed: {rule}",
    "凡以「{label}：」开头的段落都是 {label} 的发言": "Every paragraph beginning “{label}:” is a turn of {label}",
    "把所选批注重新附着到这里": "Reattach the selected annotation here",
    "批注已重新附着（Ctrl+Z 撤销）": "Annotation reattached (Ctrl+Z undoes)",
    "重命名话题…": "Rename the topic…",
    "重命名话题": "Rename the topic",
    "话题：": "Topic:",
    "发言人身份": "Speaker",
    "{name} 的身份：": "Who {name} is:",
    "嘉宾": "Guest",
    "主持人": "Host",
    "角色：": "Role:",
    "身份和角色…": "Affiliation and role…",
    "这一段开始…的发言": "This paragraph begins a turn of…",
    "这一段不是发言（名字是正文）": "This paragraph is no turn (the name is text)",
    "不是话题": "Not a topic",
    "设为话题": "Make it a topic",
    "删除这一段": "Take this paragraph out",
    "重命名…": "Rename…",
    "是同一个人：": "The same person as:",
    "名字：": "Name:",
    "重命名发言人": "Rename the speaker",
    "新名字：": "New name:",
    "大纲已修改（Ctrl+Z 撤销）": "Outline corrected (Ctrl+Z undoes)",
    "重命名文章…": "Rename the article…",
    "重命名文章": "Rename the article",
    "标题：": "Title:",
    "不再提示这篇文章": "Don't mention it again for this article",
    "大纲把握不大": "The outline is a guess",
    "大纲可能不准": "The outline may be wrong",
    "，可以一步修正：": "; one step fixes it:",
    "以「{label}」开头的 {count} 段都是 {label} 的发言": "The {count} paragraphs that begin with “{label}” are turns of {label}",
    "单独一行的名字（{names}）开始各自的发言，共 {count} 处": "A name on a line of its own ({names}) begins that person's turn ({count} places)",
    "标题是 {host} 的提问，其后是 {guest} 的回答": "The headings are questions by {host}, the text after each is {guest}'s answer",
    "{alias} 和 {name} 是同一个人": "{alias} and {name} are the same person",
    "这不是对话": "This is not a dialogue",
    "新发言人": "New speaker",
    "新发言人…": "New speaker…",
    "阅读模式（隐藏面板）": "Reading mode (hide the panels)",
    "版式": "Layout",
    "字体": "Typeface",
    "默认（黑体）": "Default (sans-serif)",
    "行距": "Line height",
    "段距": "Paragraph spacing",
    "栏宽": "Column width",
    "紧凑": "Compact",
    "适中": "Comfortable",
    "宽松": "Loose",
    "小": "Small",
    "中": "Medium",
    "大": "Large",
    "窄（30 字）": "Narrow (30 characters)",
    "适中（38 字）": "Comfortable (38 characters)",
    "宽（48 字）": "Wide (48 characters)",
    "铺满": "Full width",
    "Markdown（阅读、笔记软件）": "Markdown (for reading and notes apps)",
    "Web Annotation JSON（其他批注工具）": "Web Annotation JSON (for other annotation tools)",
    "本文的批注": "This article's annotations",
    "全部文章的批注": "Annotations of every article",
    "格式": "Format",
    "范围": "Scope",
    "批注.json": "annotations.json",
    "Markdown (*.md)": "Markdown (*.md)",
    "Web Annotation JSON (*.json)": "Web Annotation JSON (*.json)",
    "新用户…": "New user…",
    "切换到：": "Switch to:",
    "新用户": "New user",
    "后退": "Back",
    "前进": "Forward",
    "笔记（自动保存）": "Note (saved as you type)",
    "已保存": "Saved",
    "未保存": "Not saved yet",
    "立即恢复": "Restore now",
    "稍后": "Later",
    "批注已恢复": "Annotations restored",
    "（只读）": " (read-only)",
    "批注只读：无法保存": "Annotations read-only: nothing can be saved",
    "用户名（字母、数字、. _ @ -）：": "User name (letters, digits, . _ @ -):",
    "用户名“{name}”不可用：请只用字母、数字和 . _ @ -": "The user name “{name}” cannot be used: use only letters, digits and . _ @ -",
    "已切换到用户 {name}": "Switched to user {name}",
    "面板": "Panels",
    "保存笔记（批注面板）": "Save the note (annotations panel)",
    "打开第一个结果（搜索面板）": "Open the first result (search panel)",
    "关闭查找栏": "Close the find bar",
    "话题": "Topics",
    "{count} 次发言": "{count} turns",
    "，": ", ",
    "{name}（{details}）": "{name} ({details})",
    "◀ 上一段": "◀ Previous",
    "下一段 ▶": "Next ▶",
    "在所选发言人的发言之间跳转": "Step through the selected speaker's turns",
    "只看此人": "Only this speaker",
    "只显示所选发言人的发言和他们回答的问题": "Show only the selected speaker's turns and the questions they answer",
    '搜索全部文章：词语、"短语"、-排除、speaker:姓名': 'Search all articles: words, "phrase", -exclude, speaker:name',
    "正在载入分词词典和索引…": "Loading the segmentation dictionary and the index…",
    "输入即搜索": "Results appear as you type",
    '搜索全部文章和批注：词语、"短语"、-排除、speaker:姓名': 'Search all articles and notes: words, "phrase", -exclude, speaker:name',
    "简繁": "S⇄T",
    "简繁通查：數字人 也找到 数字人（关闭后只找所输入的字形）": "Simplified and Traditional alike: 數字人 also finds 数字人 (off: only the script you typed)",
    "批注 · {count} 条": "Notes · {count}",
    "{name} · {turns} 段发言（只看此人）": "{name} · {turns} turns (show only theirs)",
    "只显示{name}的发言": "Show only {name}'s turns",
    "，{notes} 条批注": ", {notes} notes",
    "正在建立索引：已完成 {done} / {total} 篇，结果可能不全": "Indexing: {done} of {total} articles done, results may be incomplete",
    "简繁转换表已更新": "the Simplified/Traditional tables changed",
    "搜索不可用：{reason}": "Search is unavailable: {reason}",
    "搜索出错：{reason}": "Search failed: {reason}",
    "{hits} 条结果，{articles} 篇文章": "{hits} results in {articles} articles",
    "没有找到“{query}”": "Nothing found for “{query}”",
    "笔记": "Note",
    "高亮并写笔记": "Highlight and write a note",
    "筛选（名称或按键）": "Filter (name or key)",
    "操作": "Action",
    "快捷键": "Shortcut",
}


def untranslated(ts: Path = TS) -> list[str]:
    """Source texts of the .ts file that have no English translation."""
    root = ET.parse(ts).getroot()
    return [
        m.findtext("source") or ""
        for m in root.iter("message")
        if not (m.findtext("translation") or "") or m.find("translation").get("type") == "unfinished"
    ]  # type: ignore[union-attr]


def fill(ts: Path = TS) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in ENGLISH:
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    tools = Path(sys.executable).parent
    subprocess.run([str(tools / "pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-ts", str(TS)], check=True)
    missing = fill()
    subprocess.run([str(tools / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"no English for: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
