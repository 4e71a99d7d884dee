"""`recoupe serve` on a taken address fails with one line, before any work."""

import socket

import pytest

from recoupe.cli import main


def test_taken_port_is_a_one_line_error(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--port", str(port), "--store", str(tmp_path / "s.db")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.startswith("recoupe: error: cannot listen on 127.0.0.1:") and "\n" not in err
    assert not (tmp_path / "s.db").exists()  # nothing was created for a server that cannot start


@pytest.mark.parametrize("host", ["127.0.0.1"])
def test_free_port_passes_the_check(host):
    from recoupe.serve import _check_can_listen

    with socket.socket() as s:
        s.bind((host, 0))
        port = s.getsockname()[1]
    _check_can_listen(host, port)
