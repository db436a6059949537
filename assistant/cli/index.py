"""`python -m assistant index [--rebuild]`: build or update the search index of the guides."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..index import SyncReport

if TYPE_CHECKING:  # imported lazily at run time: only a re-index with work to do draws a bar
    from tqdm import tqdm


class TqdmProgress:
    """A (done, total, message) callback that draws a tqdm bar on stderr once there is work to show."""

    def __init__(self) -> None:
        self._bar: tqdm | None = None

    def __call__(self, done: int, total: int, message: str) -> None:
        if total <= 0:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=message, unit="chunk", file=sys.stderr, leave=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def sync_with_progress(services, rebuild: bool = False, cards: bool = False) -> SyncReport:
    """Sync the index with the guides, drawing a progress bar and printing any rebuild notice; with `cards`,
    also prepare the answer cards' question vectors (built on the first run, then read from the cache)."""
    progress = TqdmProgress()
    try:
        report = services.retriever.ensure_index(progress=progress, rebuild=rebuild)
    finally:
        progress.close()
    if cards:
        services.matcher  # noqa: B018 - built here so the first answer does not wait for it
    for message in report.messages:
        print(f"note: {message}", file=sys.stderr)
    return report


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index",
        help="build or update the search index of the guides",
        description="Embed new and changed guides; remove deleted ones.",
    )
    parser.add_argument("--rebuild", action="store_true", help="discard the index and embed everything again")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..services import Services

    services = Services()
    report = sync_with_progress(services, rebuild=args.rebuild, cards=True)
    status = services.index.status()
    print(
        f"index: {report.summary()}; {status['documents']} guides, {status['chunks']} chunks "
        f"({status['mode']}: {status['location']})"
    )
    return 0
