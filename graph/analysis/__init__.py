"""Graph into pandas: metrics, changes over time, balance predictions, what-if and quiz questions.

Balance period by period, and its backtest, are :mod:`~graph.analysis.over_time`.

Structural balance's algorithms are :mod:`graph.balance`; this layer uses them.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["metrics", "changes", "predict", "whatif", "quiz", "balance_states", "over_time"],
    submod_attrs={
        "metrics": ["centrality", "date_range", "pn_centrality", "relation_counts", "summary"],
        "changes": ["diff", "timeline"],
        "predict": ["balance_predictions"],
        "whatif": ["compare", "without"],
        "quiz": ["QuizError", "glossary", "quiz_questions"],
        "balance_states": ["balance_view"],
        "over_time": ["backtest", "balance_by_period", "periods"],
    },
)
