import json

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.cli.output import format_json

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_any_value_reads_back_unchanged(value: object) -> None:
    assert json.loads(format_json(value)) == value


def test_an_array_puts_one_element_a_line_and_keeps_chinese_readable() -> None:
    text = format_json([{"quote": "大模型"}, {"quote": "<b>*重点*</b>"}])
    assert text.splitlines() == ["[", '  {"quote": "大模型"},', '  {"quote": "<b>*重点*</b>"}', "]"]
