"""Value F1 on the shared TempEval dev corpus: skipped when absent, except under CI=true."""
import datetime as dt

from tests.conftest import require_shared
from timeline.resolver import resolve
from timeline.resolver.scoring import Score, corpus_documents

#: Regression floor: the figure the resolver reaches today, rounded down. Raise it with every
#: improvement; the issue's target (0.85 in CI, 0.88 goal) is not reached yet.
VALUE_F1_FLOOR = 0.84


def test_dev_value_f1():
    dev = require_shared("tempeval", "dev")
    score = Score()
    for name, text, dct, gold in corpus_documents(dev):
        score.add(name, text, gold, [t.as_dict() for t in resolve(text, dt.date.fromisoformat(dct))])
    assert score.metrics()["value_f1"] >= VALUE_F1_FLOOR
