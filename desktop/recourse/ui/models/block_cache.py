"""A small least-recently-used cache of fixed-size row blocks.

Table models page rows from the store in blocks; this keeps the last few blocks the
view touched so scrolling back and forth does not re-query, while memory stays bounded
by `max_blocks * block_size` rows however large the table is.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from recourse.store.errors import StoreError
from recourse.ui.models.store_failures import report_store_failure

T = TypeVar("T")

DEFAULT_BLOCK_SIZE = 256
DEFAULT_MAX_BLOCKS = 8


class BlockCache(Generic[T]):
    def __init__(
        self,
        fetch: Callable[[int, int], Sequence[T]],
        block_size: int = DEFAULT_BLOCK_SIZE,
        max_blocks: int = DEFAULT_MAX_BLOCKS,
    ) -> None:
        self._fetch = fetch
        self.block_size = block_size
        self.max_blocks = max_blocks
        self._blocks: OrderedDict[int, Sequence[T]] = OrderedDict()

    def get(self, row: int) -> T | None:
        index, within = divmod(row, self.block_size)
        block = self._blocks.get(index)
        if block is None:
            try:
                block = self._fetch(index * self.block_size, self.block_size)
            except StoreError as exc:
                # Called while a view paints: never raise there (see store_failures).
                report_store_failure(exc)
                return None
            self._blocks[index] = block
            while len(self._blocks) > self.max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(index)
        return block[within] if within < len(block) else None

    def clear(self) -> None:
        self._blocks.clear()

    @property
    def cached_blocks(self) -> int:
        return len(self._blocks)

    @property
    def cached_rows(self) -> int:
        return sum(len(block) for block in self._blocks.values())
