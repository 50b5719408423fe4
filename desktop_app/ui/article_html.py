"""The reader's HTML for an article: escaped text only, so nothing in an article can load a
resource or run anything, with speakers set apart in a consistent colour each."""

from __future__ import annotations

from html import escape

from desktop_app.corpus.model import Article

# Distinct, readable on white and on dark grey.
SPEAKER_COLOURS = ("#c0392b", "#2471a3", "#1e8449", "#8e44ad", "#b9770e", "#148f77", "#a93226", "#2e4053",
                   "#7d3c98", "#117864")


def speaker_colour(article: Article, name: str) -> str:
    names = [speaker.name for speaker in article.speakers]
    return SPEAKER_COLOURS[names.index(name) % len(SPEAKER_COLOURS)] if name in names else "#555555"


def render_article(article: Article) -> str:
    starts = {turn.block: turn.speaker for turn in article.turns}
    details = " · ".join(escape(part) for part in (article.publisher, article.date) if part)
    parts = [f"<h1>{escape(article.title)}</h1>"]
    if details:
        parts.append(f'<p class="meta">{details}</p>')
    for index, block in enumerate(article.blocks):
        name = starts.get(index)
        if name:
            speaker = article.speaker(name)
            affiliation = f' <span class="affiliation">{escape(speaker.affiliation)}</span>' if speaker and speaker.affiliation else ""
            parts.append(
                f'<p class="speaker"><a name="turn-{index}"></a>'
                f'<b style="color:{speaker_colour(article, name)}">{escape(name)}</b>{affiliation}</p>'
            )
        text = escape(block.text)
        anchor = f'<a name="block-{index}"></a>'
        if block.kind == "heading":
            level = min(max(block.level, 2), 4)
            parts.append(f"<h{level}>{anchor}{text}</h{level}>")
        elif block.kind == "list_item":
            parts.append(f'<p class="item">{anchor}• {text}</p>')
        elif block.kind == "quote":
            parts.append(f"<blockquote>{anchor}{text}</blockquote>")
        else:
            parts.append(f"<p>{anchor}{text}</p>")
    return "\n".join(parts)


READER_CSS = """
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2, h3, h4 { margin-top: 1.4em; }
p { line-height: 170%; margin-top: 0.5em; margin-bottom: 0.5em; }
p.meta, span.affiliation { color: #888888; }
p.speaker { margin-top: 1.2em; margin-bottom: 0.1em; }
p.item { margin-left: 1em; }
"""
