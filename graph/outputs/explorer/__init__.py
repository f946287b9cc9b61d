"""The offline HTML explorer.

The page's payload, the vis-network copy, the template and the assets.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["payload", "render", "vendor"],
    submod_attrs={
        "payload": ["page_payload", "quiz_payload"],
        "render": ["PRESETS", "render_html", "write_html"],
        "vendor": ["vis_network"],
    },
)
