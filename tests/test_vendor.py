"""graph.outputs.explorer.vendor: the explorer's vis-network copy, its version and its licence."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph.outputs.explorer.vendor import VIS_NETWORK_VERSION, VendorError, vis_network

LICENCE = "/**\n * vis-network\n * @version {version}\n * @license\n * MIT\n */\n"


def fake_copy(folder: Path, version: str, licence: bool = True) -> Path:
    folder.mkdir()
    header = LICENCE.format(version=version) if licence else ""
    (folder / "vis-network.min.js").write_text(
        header + "var vis = {};\n//# sourceMappingURL=vis-network.min.js.map\n", encoding="utf-8"
    )
    (folder / "vis-network.css").write_text(".vis{}", encoding="utf-8")
    return folder


def test_the_installed_copy_is_the_expected_version_with_its_licence() -> None:
    vis = vis_network()
    assert vis.version == VIS_NETWORK_VERSION == "9.1.2"
    assert vis.folder.parts[-4:] == ("pyvis", "templates", "lib", "vis-9.1.2")
    assert "dual licensed" in vis.licence and "MIT" in vis.licence
    assert "sourceMappingURL" not in vis.js


def test_the_page_carries_the_licence_and_the_script() -> None:
    page = graph.outputs.explorer.render.render_html(graph.load())
    vis = vis_network()
    assert page.count(vis.licence) == 1
    assert vis.js in page


def test_a_copy_of_the_expected_version_is_read_without_its_source_map(tmp_path: Path) -> None:
    vis = vis_network(fake_copy(tmp_path / "vis", VIS_NETWORK_VERSION))
    assert vis.js == LICENCE.format(version=VIS_NETWORK_VERSION) + "var vis = {};\n\n"
    assert (vis.css, vis.licence) == (".vis{}", LICENCE.format(version="9.1.2").strip())


def test_another_version_is_a_clear_error(tmp_path: Path) -> None:
    folder = fake_copy(tmp_path / "vis", "9.1.9")
    with pytest.raises(VendorError, match=r"is vis-network 9\.1\.9, but the explorer is written"):
        vis_network(folder)


def test_a_missing_copy_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VendorError, match=r"vis-network is missing: cannot read .*vis-network"):
        vis_network(tmp_path / "nowhere")


def test_a_copy_without_its_licence_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VendorError, match="has no licence comment"):
        vis_network(fake_copy(tmp_path / "vis", VIS_NETWORK_VERSION, licence=False))


def test_without_pyvis_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    vis_network.cache_clear()
    try:
        with pytest.raises(VendorError, match=r"pyvis is not installed.*pip install"):
            vis_network()
    finally:
        monkeypatch.undo()
        vis_network.cache_clear()
