"""The running window's end of single_instance.py: requests from later launches open their
passage here and bring the window to the front."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_app.single_instance import read_request, server_name

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class InstanceServer(QLocalServer):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.newConnection.connect(self._on_connection)

    def start(self) -> bool:
        name = server_name(self._window.session.paths)
        QLocalServer.removeServer(name)  # left behind by a window that crashed
        return self.listen(name)

    def _on_connection(self) -> None:
        while self.hasPendingConnections():
            connection = self.nextPendingConnection()
            connection.readyRead.connect(lambda socket=connection: self._read(socket))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        request = read_request(bytes(connection.readLine().data()))
        connection.write(b"ok\n")
        connection.flush()
        window = self._window
        if request is not None and request[0] is not None:
            article, block = request
            if block is None:
                window.open_passage(article, None)
            else:
                window.navigation.jump(article, block)  # Alt+← comes back
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
