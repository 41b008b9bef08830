"""Index arithmetic on runs of an array: every index of several ranges, in one pass.

>>> concatenated_ranges(np.array([3, 10]), np.array([2, 3])).tolist()
[3, 4, 10, 11, 12]
"""

from __future__ import annotations

import numpy as np


def concatenated_ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """``[starts[0], starts[0] + sizes[0])`` then the next range, … as one int64 array
    (a range of size 0 adds nothing): the positions of some documents, the shingles of
    each document."""
    sizes = np.asarray(sizes, dtype=np.int64)
    first = np.asarray(starts, dtype=np.int64) - np.concatenate(([0], np.cumsum(sizes)[:-1]))
    return np.repeat(first, sizes) + np.arange(int(sizes.sum()), dtype=np.int64)
