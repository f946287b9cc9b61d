"""Scenes and graphs into files.

The explorer page, print figures and quiz sheets, exports, the notebook view, pyvis.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["explorer", "figure", "export", "notebook", "pyvis_network", "quiz_sheet"],
    submod_attrs={
        "explorer": ["page_payload", "quiz_payload", "render_html", "write_html"],
        "figure": ["draw", "make_figure"],
        "export": ["export_as", "write_csv", "write_gexf", "write_graphml", "write_json"],
        "notebook": ["show"],
        "pyvis_network": ["to_pyvis"],
        "quiz_sheet": ["write_quiz"],
    },
)
