"""The explorer inline in a notebook: JupyterLab, classic Notebook, VS Code, Colab.

:func:`show` returns an object whose HTML representation is an ``<iframe>``
holding the whole self-contained explorer page in its ``srcdoc`` attribute.
Nothing is loaded from anywhere: no files beside the notebook, no CDN, no
``require.js``. That is what makes it draw in VS Code and Colab too, where
pyvis's notebook output stays blank (pyvis issues #116, #135 and #203): its
page loads vis-network from a URL or a local file the notebook's front end
does not serve.

The page is attribute-escaped into ``srcdoc`` (``&``, ``<``, ``>``, ``"``
and ``'``), so no text of the dataset can end the attribute, and the frame is
sandboxed to run scripts only: no same-origin access to the notebook, no
forms, no pop-ups, no navigation of the notebook page.
"""

from __future__ import annotations

import html

import networkx as nx

from graph.outputs.explorer.render import render_html

__all__ = ["InlineExplorer", "show"]


class InlineExplorer:
    """An explorer page that notebooks display inline.

    Parameters
    ----------
    page : str
        A complete, self-contained HTML page.
    height : int
        Height of the frame in CSS pixels.
    title : str
        Accessible name of the frame.

    Attributes
    ----------
    page : str
        The page, for saving or inspection.

    Examples
    --------
    >>> view = InlineExplorer('<p title="a & b">hi</p>', height=300, title="demo")
    >>> print(view._repr_html_())
    <iframe srcdoc="&lt;p title=&quot;a &amp; b&quot;&gt;hi&lt;/p&gt;" sandbox="allow-scripts"
    title="demo" style="width: 100%; height: 300px; border: 1px solid #ccc;"></iframe>
    """

    def __init__(self, page: str, *, height: int = 640, title: str = "Actor network explorer"):
        if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
            raise ValueError(f"height must be a positive number of pixels, not {height!r}")
        self.page = page
        self.height = height
        self.title = title

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts"\n'
            f'title="{html.escape(self.title, quote=True)}" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ccc;"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<InlineExplorer {self.title!r}: {len(self.page)} characters>"


def show(G: nx.MultiDiGraph, *, height: int = 640, **options) -> InlineExplorer:
    """Show the interactive explorer of ``G`` inline in a notebook.

    Make it the last expression of a cell (or pass it to
    ``IPython.display.display``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph, as returned by :func:`graph.load`.
    height : int
        Height of the frame in CSS pixels.
    **options
        Passed to :func:`graph.outputs.explorer.render.render_html`: ``title``, ``preset``,
        ``at``...

    Returns
    -------
    InlineExplorer
        Displays the page inline; its ``page`` attribute holds the HTML.

    Examples
    --------
    >>> import graph
    >>> view = show(graph.load(), title="Aleppo", height=500)
    >>> view
    <InlineExplorer 'Aleppo': ... characters>
    >>> view._repr_html_().startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    page = render_html(G, **options)
    title = options.get("title") or G.graph.get("title") or "Actor network explorer"
    return InlineExplorer(page, height=height, title=str(title))
