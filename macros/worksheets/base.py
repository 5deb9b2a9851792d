"""What every worksheet definition has, whatever its kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..models.common import Id, Strict, Text
from ..models.scale import Source

if TYPE_CHECKING:
    from ..catalogue import Catalogue

Path = tuple[str | int, ...]
# (where in the file, what it must name, the id): "case" a case, "journey_map" a worksheet of
# that kind; checked by the catalogue
Reference = tuple[Path, Literal["case", "journey_map"], str]


class WorksheetBase(Strict):
    """The fields shared by every kind; each kind adds its own and says what its data holds."""

    id: Id = Field(description="与文件名相同，例如 journey-map.yml 的 id 为 journey-map")
    version: int = Field(ge=1, description="定义变更时加 1；旧版本保存的内容不会按新定义读取，但会保留")
    title: Text = Field(description="工具名称（不超过 40 字）", max_length=40)
    summary: Text = Field(max_length=120, description="一句话说明工具用途（工具卡片上显示）")
    instructions: Text = Field(description="使用说明；空行分段")
    chapters: list[Id] = Field(default_factory=list, description="使用本工具的章节 id")
    sources: list[Source] = Field(min_length=1, description="方法依据")

    def data_spec(self) -> dict[str, Any]:
        """What a saved or exported file of this worksheet may hold (see :mod:`.spec`)."""
        raise NotImplementedError

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Problems within the file: duplicate ids, impossible ranges, dead configurations."""
        return []

    def references(self) -> list[Reference]:
        """Ids of cases and worksheets this definition names, for the catalogue to check."""
        return []

    def payload(self, catalogue: Catalogue) -> dict[str, Any]:
        """What this kind's script needs beyond the common fields (JSON-ready)."""
        return {}


def duplicates(path: Path, ids: list[str], what: str) -> list[tuple[Path, str]]:
    """A problem at ``(*path, index, "id")`` for each id seen before."""
    seen: set[str] = set()
    found = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            found.append(((*path, index, "id"), f"{what} id“{item_id}”重复 (duplicate id)"))
        seen.add(item_id)
    return found
