"""Row dicts -> an Arrow batch, column by column from numpy buffers: what `RecordBatch.from_pylist` gives.

Why not from_pylist (or `pa.array` on a list): pyarrow imports pandas on the first conversion of a Python
sequence (~0.3 s of CPU and ~40 MB in every pass-1 worker, for nothing), and converts row by row.
Covers the types a batch of key rows holds (scan.KEY_SCHEMA); a missing key is a null, as from_pylist has it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

_NUMPY = {
    pa.int8(): np.int8,
    pa.int16(): np.int16,
    pa.int32(): np.int32,
    pa.int64(): np.int64,
    pa.uint8(): np.uint8,
    pa.uint16(): np.uint16,
    pa.uint32(): np.uint32,
    pa.uint64(): np.uint64,
    pa.float64(): np.float64,
}


def batch_from_rows(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    return pa.RecordBatch.from_arrays([_take(rows, f.name, f.type) for f in schema], schema=schema)


def _take(rows: list[dict[str, Any]], name: str, t: pa.DataType) -> pa.Array:
    return column([r.get(name) for r in rows], t)


def _bits(flags: np.ndarray) -> pa.Buffer:
    return pa.py_buffer(np.packbits(flags, bitorder="little"))


def column(values: list[Any], t: pa.DataType) -> pa.Array:
    """One column; None is null. Unsupported types raise TypeError (a new key column must be added here)."""
    n = len(values)
    nulls = values.count(None)
    validity = _bits(np.array([v is not None for v in values], np.bool_)) if nulls else None
    if pa.types.is_dictionary(t):
        codes: dict[Any, int] = {}  # first appearance order, as pyarrow's dictionary builder
        idx = np.array([0 if v is None else codes.setdefault(v, len(codes)) for v in values], np.int32)
        indices = pa.Array.from_buffers(t.index_type, n, [validity, _values(idx, t.index_type)], nulls)
        return pa.DictionaryArray.from_arrays(indices, column(list(codes), t.value_type))
    if nulls and not pa.types.is_fixed_size_binary(t):
        values = [_ZERO.get(t, 0) if v is None else v for v in values]
    if t == pa.string() or t == pa.binary():
        parts = [v.encode("utf-8") for v in values] if t == pa.string() else values
        offsets = np.zeros(n + 1, np.int64)
        np.cumsum(np.array([len(p) for p in parts], np.int64), out=offsets[1:])
        if offsets[-1] >= 2**31:
            raise ValueError(f"a {t} column of over 2 GiB: make the batch smaller")
        data = pa.py_buffer(b"".join(parts))
        return pa.Array.from_buffers(t, n, [validity, pa.py_buffer(offsets.astype(np.int32)), data], nulls)
    if pa.types.is_fixed_size_binary(t):
        zero = bytes(t.byte_width)
        data = b"".join([zero if v is None else v for v in values])
        if len(data) != n * t.byte_width:
            raise ValueError(f"a value of a {t} column is not {t.byte_width} bytes long")
        return pa.Array.from_buffers(t, n, [validity, pa.py_buffer(data)], nulls)
    if t == pa.bool_():
        return pa.Array.from_buffers(t, n, [validity, _bits(np.array(values, np.bool_))], nulls)
    if t in _NUMPY:
        return pa.Array.from_buffers(t, n, [validity, pa.py_buffer(np.array(values, _NUMPY[t]))], nulls)
    raise TypeError(f"no conversion for Arrow type {t}")


_ZERO = {pa.string(): "", pa.binary(): b""}


def _values(arr: np.ndarray, t: pa.DataType) -> pa.Buffer:
    return pa.py_buffer(np.ascontiguousarray(arr, _NUMPY[t]))
