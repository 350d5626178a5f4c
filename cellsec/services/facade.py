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
    from .settings.cell import CellService
    from ..sync.service import SyncService
    from .drafts import DraftService
    from .dues.service import DuesService
    from .finalise import FinaliseService
    from .members.importer import ImportService
    from .settings.layout import LayoutService
    from .meetings.service import MeetingService
    from .members.service import MemberService
    from .overview import OverviewService
    from .reviews.service import ReviewService
    from .scoring.rubrics import RubricService
    from .scoring.service import ScoringService
    from .search import SearchService
    from .documents.templates import TemplateService
    from .documents.numbers import NumberService


class Services:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        ctx._services = self

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
        from .settings.cell import CellService

        return CellService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        from .backups import BackupService

        return BackupService(self.ctx)

    @cached_property
    def members(self) -> MemberService:
        from .members.service import MemberService

        return MemberService(self.ctx)

    @cached_property
    def importer(self) -> ImportService:
        from .members.importer import ImportService

        return ImportService(self.ctx, self.members)

    @cached_property
    def overview(self) -> OverviewService:
        from .overview import OverviewService

        return OverviewService(self.ctx)

    @cached_property
    def templates(self) -> TemplateService:
        from .documents.templates import TemplateService

        return TemplateService(self.ctx)

    @cached_property
    def numbers(self) -> NumberService:
        from .documents.numbers import NumberService

        return NumberService(self.ctx)

    @cached_property
    def layout(self) -> LayoutService:
        from .settings.layout import LayoutService

        return LayoutService(self.ctx)

    @cached_property
    def rubrics(self) -> RubricService:
        from .scoring.rubrics import RubricService

        return RubricService(self.ctx)

    @cached_property
    def dues(self) -> DuesService:
        from .dues.service import DuesService

        return DuesService(self.ctx)

    @cached_property
    def scoring(self) -> ScoringService:
        from .scoring.service import ScoringService

        return ScoringService(self.ctx)

    @cached_property
    def attention(self) -> AttentionService:
        from .attention import AttentionService

        return AttentionService(self.ctx, self.dues)

    @cached_property
    def reviews(self) -> ReviewService:
        from .reviews.service import ReviewService

        return ReviewService(self.ctx)

    @cached_property
    def meetings(self) -> MeetingService:
        from .meetings.service import MeetingService

        return MeetingService(self.ctx)

    @cached_property
    def search(self) -> SearchService:
        from .search import SearchService

        return SearchService(self.ctx)

    @cached_property
    def sync(self) -> SyncService:
        from ..sync.service import SyncService

        return SyncService(self.ctx)

    @cached_property
    def drafts(self) -> DraftService:
        from .drafts import DraftService

        return DraftService(self.ctx)

    @cached_property
    def finalise(self) -> FinaliseService:
        from .finalise import FinaliseService

        return FinaliseService(self.ctx)

    def undo_last(self) -> str:
        return self.ctx.undo_last()

    def last_undoable(self) -> tuple[int, str] | None:
        return self.ctx.last_undoable()

    def redo_last(self) -> str:
        return self.ctx.redo_last()

    def last_redoable(self) -> tuple[int, str] | None:
        return self.ctx.last_redoable()

    def undo_state(self) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
        return self.ctx.undo_state()
