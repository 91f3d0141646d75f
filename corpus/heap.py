"""Giving freed memory back to the system between the build's passes.

Freed is not returned: Arrow's allocator keeps pages for reuse, and glibc's malloc keeps the top of its
heaps (and, after a large block is freed, serves blocks up to that size from the heap instead of fresh
mappings). After a pass drops its columns, the process's RSS only falls if both are told to let go.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache

import pyarrow as pa


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        lib = ctypes.CDLL(name) if name else None
    except OSError:  # pragma: no cover - no C library to load
        return None
    return lib if lib is not None and hasattr(lib, "malloc_trim") else None  # glibc only


def give_back() -> None:
    """Collect garbage, then return the free pages of Arrow's pool and of the C heap to the system."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
