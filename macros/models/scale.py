"""The scale model: one YAML file in ``tools/scales/`` per instrument (量表).

Scoring is declarative: a closed set of modes, methods and rules that the schema checks and the
scoring engine (``docs/javascripts/scoring.js``) implements. There are no expression strings.

Five modes:

* ``questionnaire`` — one person answers items; sum, mean or weighted mean, reverse items,
  sub-scales, optional 0–100 (POMP) normalisation, interpretation bands;
* ``matrix`` — touchpoint rows × weighted criteria → a 0–100 index per touchpoint and a ranking;
* ``ipa`` — importance and performance per touchpoint → four quadrants (Martilla & James 1977);
* ``fmea`` — failure-mode rows with severity, occurrence, detection → RPN and a severity-first
  action priority;
* ``nps`` — one 0–10 recommendation item → promoter / passive / detractor, NPS for a group.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from . import scale_checks as checks
from .common import Id, Strict, Text
from .scale_checks import Path

Tone = Literal["good", "warn", "bad", "neutral"]


def _finite(value: Any) -> Any:
    """Refuse inf and nan anywhere inside a value: unions and ``object`` escape ``allow_inf_nan``."""
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "Input should be a finite number")
    if isinstance(value, dict | list):
        for inner in value.values() if isinstance(value, dict) else value:
            _finite(inner)
    return value


class ChoiceOption(Strict):
    """One option of a single-choice response scale, with the score it is worth."""

    label: Text = Field(description="选项文字")
    score: int = Field(description="选这一项得几分")


class ResponseScale(Strict):
    """A response scale, defined once per file and referenced by items.

    ``likert`` labels every point; ``numeric`` (0–10, 1–10) labels at least both ends;
    ``choice`` lists options, each with its score.
    """

    kind: Literal["likert", "numeric", "choice"] = Field(
        description="likert 每点有标签 / numeric 数字（至少两端有标签）/ choice 单选"
    )
    min: int = Field(description="最低分", ge=0, le=10)
    max: int = Field(description="最高分", ge=1, le=10)
    labels: dict[int, Text] = Field(default_factory=dict, description="分值 → 文字标签")
    options: list[ChoiceOption] = Field(default_factory=list, description="单选题选项(kind: choice)")

    @model_validator(mode="after")
    def _consistent(self) -> ResponseScale:
        if self.max <= self.min:
            raise ValueError(f"max({self.max})须大于 min({self.min})")
        points = set(range(self.min, self.max + 1))
        if self.kind == "likert" and set(self.labels) != points:
            raise ValueError(f"likert 量尺须为 {self.min}–{self.max} 的每个分值写标签")
        if self.kind == "numeric" and not {self.min, self.max} <= set(self.labels) <= points:
            raise ValueError(f"numeric 量尺须至少为两端 {self.min} 和 {self.max} 写标签，且标签分值在范围内")
        if self.kind == "choice":
            if len(self.options) < 2:
                raise ValueError("choice 量尺至少需要 2 个选项")
            if any(not self.min <= o.score <= self.max for o in self.options):
                raise ValueError(f"choice 选项的分值须在 {self.min}–{self.max} 之间")
        elif self.options:
            raise ValueError("只有 kind: choice 的量尺可以写 options")
        return self

    @property
    def points(self) -> list[int]:
        """The values a person can pick, in order (a choice scale's option scores)."""
        if self.kind == "choice":
            return [o.score for o in self.options]
        return list(range(self.min, self.max + 1))


class Source(Strict):
    """A published basis of the method (or a note that a cut-off is a course convention)."""

    citation: Text = Field(
        description="引文，例如 Reichheld, F. F. (2003). The One Number You Need to Grow. HBR 81(12)."
    )
    url: Annotated[str, Field(pattern=r"^https?://")] | None = Field(default=None, description="网址（可选）")


class Band(Strict):
    """An interpretation band: scores from ``min`` (inclusive) to ``max`` (exclusive; the last is inclusive)."""

    min: float = Field(description="本段下限（含）")
    max: float = Field(description="本段上限（不含；最后一段含）")
    label: Text = Field(description="分段名称，例如 良好")
    tone: Tone = Field(description="颜色：good 绿 / warn 黄 / bad 红 / neutral 灰")
    interpretation: Text = Field(description="这一分数段意味着什么")
    actions: list[Text] = Field(min_length=1, description="建议行动")


class Example(Strict):
    """A worked example: answers and the results they must give (run by the Node and browser tests)."""

    name: Text = Field(description="示例名称")
    answers: dict[str, float] = Field(default_factory=dict, description="题目 id → 答案(questionnaire、nps)")
    rows: list[dict[str, Annotated[float | str, BeforeValidator(_finite)]]] = Field(
        default_factory=list, description="每行的答案(matrix、ipa、fmea)：name 和各评价项"
    )
    expect: dict[str, Annotated[object, BeforeValidator(_finite)]] = Field(
        min_length=1, description="期望结果，键见 README"
    )


class _Base(Strict):
    id: Id = Field(description="与文件名相同")
    version: int = Field(ge=1, description="定义变更时加 1；旧答案不会按新定义计分")
    title: Text = Field(description="量表名称")
    summary: Text = Field(description="一句话说明量表用途")
    instructions: Text = Field(description="填写说明")
    chapters: list[Id] = Field(description="使用本量表的章节 id", default_factory=list)
    response_scales: dict[Id, ResponseScale] = Field(description="量尺：id → 定义；题目按 id 引用", min_length=1)
    sources: list[Source] = Field(min_length=1, description="方法依据")
    bands_note: Text | None = Field(default=None, description="分段若为课程约定，在此说明")
    examples: list[Example] = Field(description="计算示例：答案与期望结果（测试会逐一验算）", min_length=1)

    def scale_problems(self, refs: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
        """Each ``(path, scale id)`` must name a defined response scale."""
        return [
            (path, f"未定义的量尺“{ref}”；已定义：{'、'.join(self.response_scales)} (unknown response scale)")
            for path, ref in refs
            if ref not in self.response_scales
        ]


class Subscale(Strict):
    """A group of items scored together (e.g. one maturity dimension)."""

    id: Id
    label: Text = Field(description="分量表名称")


class Item(Strict):
    """One question or statement."""

    id: Id
    text: Text = Field(description="题目文字")
    scale: Id = Field(description="response_scales 中的量尺 id")
    subscale: Id | None = Field(default=None, description="所属分量表 id（可选）")
    weight: float = Field(description="权重（默认 1；只在 weighted_mean 下起作用）", default=1, gt=0)
    reverse: bool = Field(default=False, description="反向计分：x' = min + max − x")
    anchors: list[Text] | None = Field(default=None, description="本题专用的各分值描述(由低到高)")


class QuestionnaireScoring(Strict):
    """How the answers of one person become a score."""

    method: Literal["sum", "mean", "weighted_mean"] = Field(description="sum 求和 / mean 平均 / weighted_mean 加权平均")
    normalize: Literal["none", "pomp"] = Field(default="none", description="pomp：换算为 0–100")
    min_answered: int = Field(ge=1, description="至少答几题才显示总分(不会替未答题估分)")
    subscale_min_answered: int = Field(description="分量表至少答几题才计分", default=1, ge=1)
    weakest_link: float | None = Field(default=None, gt=0, description="某分量表低于总分至少此值时标为短板")
    top_box: list[int] = Field(default_factory=list, description="小组汇总：计入“满意”比例的分值，如 [4, 5]")


class Questionnaire(_Base):
    """A questionnaire one person answers."""

    mode: Literal["questionnaire"] = Field(description="模式：questionnaire（问卷：一人作答多题）")
    subscales: list[Subscale] = Field(description="分量表（可选）", default_factory=list)
    items: list[Item] = Field(description="题目", min_length=1)
    scoring: QuestionnaireScoring = Field(description="计分方法")
    bands: list[Band] = Field(description="解读分段：须无缝覆盖全部分数范围")

    def score_range(self) -> tuple[float, float]:
        """The lowest and highest possible total score."""
        if self.scoring.normalize == "pomp":
            return 0.0, 100.0
        ranges = [(s.min, s.max) for i in self.items if (s := self.response_scales.get(i.scale))]
        low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
        if self.scoring.method == "sum":
            return float(low * len(self.items)), float(high * len(self.items))
        return float(low), float(high)

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Cross-field checks: scale refs, ids, counts, band coverage, then sub-scales, items, scoring."""
        found = self.scale_problems([(("items", i, "scale"), item.scale) for i, item in enumerate(self.items)])
        found += checks.duplicates([item.id for item in self.items], "items", "题目 id")
        if self.scoring.normalize == "none":
            used = {(s.min, s.max) for i in self.items if (s := self.response_scales.get(i.scale))}
            if len(used) > 1:
                found.append((("scoring", "normalize"), "题目使用不同分值范围的量尺时，须设 normalize: pomp"))
        if self.scoring.min_answered > len(self.items):
            found.append((("scoring", "min_answered"), f"不能大于题目数 {len(self.items)}"))
        if not found:
            low, high = self.score_range()
            found += checks.band_problems(self.bands, low, high, ("bands",))
        found += checks.subscale_problems(self) + checks.item_problems(self) + checks.scoring_problems(self)
        return found + checks.example_problems(self.examples, self.mode, [item.id for item in self.items], None)


ROW_NAME_MAX = 40


class Rows(Strict):
    """The touchpoint rows a user fills in: a preset list they can rename, add to and remove.

    The form starts with max(len(preset), min) rows: the preset names, then blank rows; so an
    empty preset still gives ``min`` (at least one) rows to fill in.
    """

    label: Text = Field(default="触点", description="行的名称，如 触点、失效模式")
    # 40 characters: what the form's name field and an imported answer file accept.
    preset: list[Annotated[Text, Field(max_length=ROW_NAME_MAX)]] = Field(
        description="预设的行名称（用户可改名、增删）", default_factory=list
    )
    min: int = Field(description="最少行数", default=1, ge=1)
    max: int = Field(description="最多行数", default=20, ge=1, le=50)


class Criterion(Strict):
    """One weighted criterion of the touchpoint matrix."""

    id: Id
    label: Text = Field(description="评价项名称")
    help: Text | None = Field(default=None, description="填写提示（可选）")
    scale: Id
    weight: float = Field(description="权重（默认 1）", gt=0)


class Matrix(_Base):
    """Touchpoints × weighted criteria → a 0–100 index per touchpoint, ranked."""

    mode: Literal["matrix"] = Field(description="模式：matrix（触点 × 加权评价项）")
    rows: Rows = Field(description="用户填写的行（触点）")
    criteria: list[Criterion] = Field(description="评价项（列）", min_length=1)
    min_answered: int = Field(ge=1, description="每行至少评几项才计算指数")
    bands: list[Band] = Field(description="按 0–100 指数分段")

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Scale refs, criterion ids, rows, examples and band coverage of the 0–100 index."""
        found = self.scale_problems([(("criteria", i, "scale"), c.scale) for i, c in enumerate(self.criteria)])
        found += checks.duplicates([c.id for c in self.criteria], "criteria", "评价项 id")
        if self.min_answered > len(self.criteria):
            found.append((("min_answered",), f"不能大于评价项数 {len(self.criteria)} (more than the criteria)"))
        found += checks.rows_problems(self.rows) + checks.example_problems(
            self.examples, self.mode, None, [c.id for c in self.criteria]
        )
        return found + checks.band_problems(self.bands, 0.0, 100.0, ("bands",))


class Measure(Strict):
    """The importance or performance question asked of each touchpoint."""

    scale: Id
    prompt: Text = Field(description="提问文字")


class Quadrant(Strict):
    """How to read one IPA quadrant."""

    label: Text = Field(description="象限名称")
    tone: Tone = Field(description="颜色：good / warn / bad / neutral")
    interpretation: Text = Field(description="这一象限意味着什么")
    actions: list[Text] = Field(description="建议行动", min_length=1)


class Quadrants(Strict):
    """The four quadrants of importance–performance analysis (Martilla & James 1977)."""

    concentrate: Quadrant = Field(description="重要性高、表现低")
    keep_up: Quadrant = Field(description="重要性高、表现高")
    low_priority: Quadrant = Field(description="重要性低、表现低")
    overkill: Quadrant = Field(description="重要性低、表现高")


class Ipa(_Base):
    """Importance and performance per touchpoint, read in four quadrants."""

    mode: Literal["ipa"] = Field(description="模式：ipa（重要性—表现分析）")
    rows: Rows = Field(description="用户填写的行（触点）")
    importance: Measure = Field(description="重要性：提示语与量尺")
    performance: Measure = Field(description="表现：提示语与量尺")
    crosshair: Literal["data_mean", "scale_mid"] = Field(description="十字线：数据均值或量尺中点")
    quadrants: Quadrants = Field(description="四个象限的解读")

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Both measures use a defined scale; rows and examples."""
        found = self.scale_problems(
            [(("importance", "scale"), self.importance.scale), (("performance", "scale"), self.performance.scale)]
        )
        return (
            found
            + checks.rows_problems(self.rows)
            + checks.example_problems(self.examples, self.mode, None, ["importance", "performance"])
        )


class PriorityLevel(Strict):
    """An action-priority level of the risk scale."""

    id: Id
    label: Text = Field(description="优先级名称")
    tone: Tone = Field(description="颜色：good / warn / bad / neutral")
    actions: list[Text] = Field(description="建议行动", min_length=1)


class PriorityRule(Strict):
    """A rule: all the given minimums must hold; the first rule that matches sets the level."""

    level: Id
    min_severity: int | None = Field(default=None, description="严重度下限（可选）")
    min_occurrence: int | None = Field(default=None, description="发生度下限（可选）")
    min_detection: int | None = Field(default=None, description="探测度下限（可选）")
    min_rpn: int | None = Field(default=None, description="RPN 下限（可选）")
    note: Text | None = Field(default=None, description="规则说明（可选）")


class Fmea(_Base):
    """Failure modes rated for severity, occurrence and detection → RPN and action priority."""

    mode: Literal["fmea"] = Field(description="模式：fmea（失效模式：严重度 × 发生度 × 探测度）")
    rows: Rows = Field(description="用户填写的行（失效模式）")
    severity: Measure = Field(description="严重度：提示语与量尺")
    occurrence: Measure = Field(description="发生度：提示语与量尺")
    detection: Measure = Field(description="探测度：提示语与量尺")
    levels: list[PriorityLevel] = Field(min_length=2, description="由高到低")
    rules: list[PriorityRule] = Field(min_length=1, description="依次判断，先匹配者生效；严重度优先")
    default_level: Id

    def internal_problems(self) -> list[tuple[Path, str]]:
        """Scale refs, level refs, rule minimums within reach, rows and examples."""
        found = self.scale_problems(
            [((name, "scale"), getattr(self, name).scale) for name in ("severity", "occurrence", "detection")]
        )
        levels = {level.id for level in self.levels}
        found += checks.duplicates([level.id for level in self.levels], "levels", "等级 id")
        for index, rule in enumerate(self.rules):
            if rule.level not in levels:
                found.append((("rules", index, "level"), f"未定义的等级“{rule.level}”"))
            if all(getattr(rule, f) is None for f in ("min_severity", "min_occurrence", "min_detection", "min_rpn")):
                found.append((("rules", index), "规则至少需要一个条件"))
        if self.default_level not in levels:
            found.append((("default_level",), f"未定义的等级“{self.default_level}”"))
        found += checks.fmea_rule_problems(self) + checks.rows_problems(self.rows)
        return found + checks.example_problems(self.examples, self.mode, None, ["severity", "occurrence", "detection"])


class NpsItem(Strict):
    """The 0–10 recommendation question."""

    text: Text = Field(description="题目文字")
    scale: Id
    comment: Text | None = Field(default=None, description="追问(可选)")


class NpsCategory(Strict):
    """How to read one NPS category for a person."""

    label: Text = Field(description="类别名称")
    interpretation: Text = Field(description="这一类顾客意味着什么")
    actions: list[Text] = Field(description="建议行动", min_length=1)


class NpsCategories(Strict):
    """Promoters 9–10, passives 7–8, detractors 0–6 (Reichheld 2003)."""

    promoter: NpsCategory = Field(description="推荐者（9–10 分）")
    passive: NpsCategory = Field(description="被动者（7–8 分）")
    detractor: NpsCategory = Field(description="贬损者（0–6 分）")


class Nps(_Base):
    """The Net Promoter Score question."""

    mode: Literal["nps"] = Field(description="模式：nps（净推荐值）")
    item: NpsItem = Field(description="0–10 推荐意愿题")
    categories: NpsCategories = Field(description="推荐者、被动者、贬损者的解读")
    bands: list[Band] = Field(description="小组 NPS(−100…+100)的分段")

    def internal_problems(self) -> list[tuple[Path, str]]:
        """The item uses a 0–10 scale; group bands cover −100…+100."""
        found = self.scale_problems([(("item", "scale"), self.item.scale)])
        scale = self.response_scales.get(self.item.scale)
        if scale and (scale.min, scale.max) != (0, 10):
            found.append((("item", "scale"), "NPS 题须使用 0–10 量尺"))
        found += checks.example_problems(self.examples, self.mode, ["nps"], None)
        return found + checks.band_problems(self.bands, -100.0, 100.0, ("bands",))


Scale = Annotated[Questionnaire | Matrix | Ipa | Fmea | Nps, Field(discriminator="mode")]


def row_measures(scale: Matrix | Ipa | Fmea) -> list[tuple[str, str, str | None, str]]:
    """The fields asked of every row, in order: (id, label, help, response scale id).

    One list for the form, the answer files and the page payload."""
    if isinstance(scale, Matrix):
        return [(c.id, c.label, c.help, c.scale) for c in scale.criteria]
    if isinstance(scale, Ipa):
        return [
            ("importance", "重要性", scale.importance.prompt, scale.importance.scale),
            ("performance", "表现", scale.performance.prompt, scale.performance.scale),
        ]
    return [
        ("severity", "严重度 S", scale.severity.prompt, scale.severity.scale),
        ("occurrence", "发生度 O", scale.occurrence.prompt, scale.occurrence.scale),
        ("detection", "探测度 D", scale.detection.prompt, scale.detection.scale),
    ]


MODES = ("questionnaire", "matrix", "ipa", "fmea", "nps")
