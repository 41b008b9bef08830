"""The project's one bounded cache for per-object memos (module-level tables use
``functools.lru_cache``): the most recently used values up to a budget, measured in
entries or in bytes; safe to share between threads; ``compute`` is passed per call,
so no cache holds a reference back to its owner.

>>> r = Recent(budget=16, weigh=lambda a: a.nbytes)
>>> r.get("a", lambda k: np.zeros(2, np.int64)).nbytes, r.get("b", lambda k: np.ones(1)).nbytes
(16, 8)
>>> list(r._items)  # "a" made way for "b"
['b']
>>> counts = Recent(budget=2)  # two entries
>>> [counts.get(k, len) for k in ("viện", "kiểm", "sát")], list(counts._items)
([4, 4, 3], ['kiểm', 'sát'])
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import numpy as np  # noqa: F401 (the doctest's arrays)


class Recent:
    """``get(key, compute)``: the remembered value, else ``compute(key)`` remembered;
    the least recently used values go once their weight passes ``budget``."""

    def __init__(self, budget: int, weigh: Callable[[Any], int] | None = None) -> None:
        self.budget = budget
        self.weigh = weigh or (lambda value: 1)
        self._items: OrderedDict = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[Any], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        found = compute(key)  # outside the lock: other threads go on meanwhile
        with self._lock:
            if key not in self._items:
                self._items[key] = found
                self._weight += self.weigh(found)
                while self._weight > self.budget and self._items:
                    self._weight -= self.weigh(self._items.popitem(last=False)[1])
        return found
