"""What the facts of one article are: the values, and the evidence for each.

>>> Evidence("Sáng 11/4/2024, VKSND tỉnh Thanh Hóa tổ chức …", "meeting date").role
'meeting date'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from searcher.facts.people import People


@dataclass
class Evidence:
    """Why a field has its value: the passage, the role it was read in, and the
    candidates set aside with the reason for each."""

    passage: str
    role: str = ""
    rejected: list[str] = field(default_factory=list)


@dataclass
class Metadata:
    unit: str | None = None
    level: str | None = None
    province: str | None = None
    province_2025: str | None = None
    year: int | None = None
    meeting_types: list[str] = field(default_factory=list)
    meeting_date: date | None = None
    published: date | None = None
    period: str | None = None  # "tháng 3", "quý I", "6 tháng", "9 tháng", "năm"
    period_year: int | None = None
    people: People = field(default_factory=People)  # the chair and the attendees named
    explain: dict[str, Evidence] = field(default_factory=dict)

    @property
    def evidence(self) -> dict[str, str]:
        """Field → the passage it came from."""
        return {name: e.passage for name, e in self.explain.items()}
