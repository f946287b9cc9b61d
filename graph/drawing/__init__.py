"""Graph into a scene.

The visual encoding, the seeded layout, label measurement, the scene and its schema.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["style", "layout", "scene"],
    submod_attrs={
        "style": ["camp_colours", "edge_style", "node_shape"],
        "layout": ["actor_boxes", "label_lines", "layout"],
        "scene": ["scene", "schema"],
    },
)
