"""Graph into a scene.

The visual encoding, the seeded layout, label measurement, the scene and its schema.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["style", "labels", "placement", "picture"],
    submod_attrs={
        "style": ["camp_colours", "edge_style", "node_shape"],
        "labels": ["actor_boxes", "label_lines"],
        "placement": ["layout"],
        "picture": ["scene", "schema"],
    },
)
