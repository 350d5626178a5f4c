"""`Services`: one object giving the UI and the CLI every use case over one open data folder.

Each service module is imported on first use: the window opens without loading the features it has
not shown yet (start-up time on a weak laptop).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .context import Context, open_context

if TYPE_CHECKING:
    from .attention import AttentionService
    from .backups import BackupService
    from .cell import CellService
    from .dues import DuesService
    from .finalise import FinaliseService
    from .importer import ImportService
    from .layout import LayoutService
    from .meetings import MeetingService
    from .members import MemberService
    from .overview import OverviewService
    from .reviews import ReviewService
    from .rubrics import RubricService
    from .scoring import ScoringService
    from .search import SearchService


class Services:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @classmethod
    def open(cls, data_dir: Path) -> "Services":
        return cls(open_context(Path(data_dir)))

    def close(self) -> None:
        self.ctx.store.close()

    @property
    def data_dir(self) -> Path:
        return self.ctx.data_dir

    @cached_property
    def cell(self) -> CellService:
        from .cell import CellService

        return CellService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        from .backups import BackupService

        return BackupService(self.ctx)

    @cached_property
    def members(self) -> MemberService:
        from .members import MemberService

        return MemberService(self.ctx)

    @cached_property
    def importer(self) -> ImportService:
        from .importer import ImportService

        return ImportService(self.ctx, self.members)

    @cached_property
    def overview(self) -> OverviewService:
        from .overview import OverviewService

        return OverviewService(self.ctx)

    @cached_property
    def layout(self) -> LayoutService:
        from .layout import LayoutService

        return LayoutService(self.ctx)

    @cached_property
    def rubrics(self) -> RubricService:
        from .rubrics import RubricService

        return RubricService(self.ctx)

    @cached_property
    def dues(self) -> DuesService:
        from .dues import DuesService

        return DuesService(self.ctx)

    @cached_property
    def scoring(self) -> ScoringService:
        from .scoring import ScoringService

        return ScoringService(self.ctx, self.rubrics, self.dues)

    @cached_property
    def attention(self) -> AttentionService:
        from .attention import AttentionService

        return AttentionService(self.ctx, self.dues)

    @cached_property
    def reviews(self) -> ReviewService:
        from .reviews import ReviewService

        return ReviewService(self.ctx)

    @cached_property
    def meetings(self) -> MeetingService:
        from .meetings import MeetingService

        return MeetingService(self.ctx)

    @cached_property
    def search(self) -> SearchService:
        from .search import SearchService

        return SearchService(self.ctx)

    @cached_property
    def finalise(self) -> FinaliseService:
        from .finalise import FinaliseService

        return FinaliseService(self.ctx)

    def undo_last(self) -> str:
        return self.ctx.undo_last()

    def last_undoable(self) -> tuple[int, str] | None:
        return self.ctx.last_undoable()
