from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.app import _install_qt_translations


def test_qts_own_buttons_speak_chinese_like_the_window(qapp: QApplication) -> None:
    _install_qt_translations(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
