"""bytes -> Record: the pure converter. See engine.py for how lines are classified."""

from corpus.convert.api import CONVERTER_VERSION, convert_bytes, convert_doc, explain_bytes
from corpus.convert.decode import ConvertError

__all__ = ["CONVERTER_VERSION", "ConvertError", "convert_bytes", "convert_doc", "explain_bytes"]
