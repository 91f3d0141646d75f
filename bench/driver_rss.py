"""Run one `corpus` command in this process and print the driver's own peak RSS (workers excluded).

    python -m bench.driver_rss validate --format json --workers 2
    python -m bench.driver_rss build CORPUS --out DIST --cache-dir CACHE --workers 2

The process-tree figure in bench.run sums workers; this isolates what grows with the corpus: the driver.
"""

from __future__ import annotations

import resource
import sys
import time


def main() -> int:
    start = time.perf_counter()
    code: int | str | None = 0
    try:
        from corpus.cli import app

        app(args=sys.argv[1:], prog_name="corpus")
    except SystemExit as e:
        code = e.code
    finally:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(f"driver peak RSS {peak / 1024:.0f} MB, {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return code if isinstance(code, int) else 1


if __name__ == "__main__":
    raise SystemExit(main())
