"""Who is in the demo: the delegation, its two laptops and the coordinator, and the
commune staff they meet (names as Lai Châu's Kinh, Thái, Mông and Dao families give them)."""

from __future__ import annotations

import random
from dataclasses import dataclass

PROVINCE = "12"  # Lai Châu: 38 communes and wards, mountain and border communes among them
DELEGATION = "Đoàn công tác Bộ Khoa học và Công nghệ — Đoàn 3 (Lai Châu)"
MINISTRY = "Bộ Khoa học và Công nghệ"
ONE_STOP_SOFTWARE = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lai Châu"


@dataclass(frozen=True)
class Device:
    """A data folder's device name and the people at its keyboard."""

    name: str
    members: tuple[str, ...]

    @property
    def at_keyboard(self) -> str:
        return self.members[0]


TEAM_ONE = Device("Laptop 1 — Đoàn 3", ("Trần Thị Lan", "Phạm Quốc Huy"))
TEAM_TWO = Device("Laptop 2 — Đoàn 3", ("Lê Văn Minh", "Đỗ Thu Hằng"))
COORDINATOR = Device("Điều phối — Đoàn 3", ("Nguyễn Văn An", "Trần Thị Lan", "Phạm Quốc Huy", "Lê Văn Minh",
                                           "Đỗ Thu Hằng"))

# (family names, middle names, given names) of each family tradition
_NAMES = (
    (("Nguyễn", "Trần", "Phạm", "Hoàng", "Vũ"), ("Văn", "Thị", "Đức", "Thu"),
     ("Hùng", "Hà", "Thắng", "Dung", "Tuấn", "Nga", "Long", "Hạnh")),
    (("Lò", "Tòng", "Lường", "Quàng", "Điêu"), ("Văn", "Thị"),
     ("Thắng", "Pọm", "Xuân", "Ơn", "Chăn", "Biên", "Khun", "Mai")),
    (("Giàng", "Sùng", "Vàng", "Thào", "Lý"), ("A", "Seo", "Thị", "Mí"),
     ("Páo", "Chứ", "Dơ", "Dìn", "Sử", "Mỷ", "Pó", "Chang")),
    (("Tẩn", "Phàn", "Lý", "Chảo"), ("Láo", "Văn", "Thị", "Ông"),
     ("San", "Lở", "Mẩy", "Quáng", "Kiềm", "Chòi")),
)


def person(rng: random.Random) -> str:
    """A full name, e.g. "Lò Văn Thắng"."""
    families, middles, givens = rng.choice(_NAMES)
    return f"{rng.choice(families)} {rng.choice(middles)} {rng.choice(givens)}"


def people(rng: random.Random, count: int) -> list[str]:
    """`count` different names."""
    names: list[str] = []
    while len(names) < count:
        name = person(rng)
        if name not in names:
            names.append(name)
    return names
