"""Draw the exercise pictures in this folder: simple figures, one per exercise.

    python assets/images/make_images.py

Each picture is a few thick strokes (a stick figure, the floor, a chair) in a
mid blue and grey that read on light and dark palettes alike. Only exercises
whose position the seed guides describe get a picture; those the guides leave
"as your therapist showed you" get none, so no picture claims more than the text.
The SVGs are committed; run this after changing a figure.
"""

from __future__ import annotations

from pathlib import Path

FIGURE = "#3a86c8"
GROUND = "#9a9a9a"
WIDTH, HEIGHT = 320, 200
FLOOR = [(10, 176), (310, 176)]

Line = list[tuple[float, float]]


def _path(points: Line, colour: str, width: float = 10) -> str:
    d = " ".join(f"{'M' if i == 0 else 'L'}{x:g},{y:g}" for i, (x, y) in enumerate(points))
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width:g}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def picture(title: str, head: tuple[float, float], limbs: list[Line], props: list[Line]) -> str:
    parts = [_path(FLOOR, GROUND, 4)]
    parts += [_path(p, GROUND, 6) for p in props]
    parts += [_path(limb, FIGURE) for limb in limbs]
    parts.append(f'<circle cx="{head[0]:g}" cy="{head[1]:g}" r="15" fill="{FIGURE}"/>')
    body = "\n  ".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">\n  <title>{title}</title>\n  {body}\n</svg>\n'
    )


# (file stem, title, head, limbs, props). y grows downwards; the floor is at 176.
PICTURES = [
    (
        "knee-to-chest",
        "Lying on the back, pulling one knee toward the chest",
        (48, 150),
        [
            [(66, 160), (170, 164)],  # torso
            [(170, 164), (235, 166), (295, 168)],  # the leg that stays down
            [(170, 164), (140, 112), (188, 118)],  # the knee pulled up
            [(84, 160), (140, 116)],  # arms to the knee
        ],
        [],
    ),
    (
        "bridging",
        "Lying on the back, knees bent, hips lifted",
        (44, 158),
        [
            [(62, 160), (160, 118)],  # torso, hips up
            [(160, 118), (215, 104), (236, 168)],  # thigh and shin
            [(66, 166), (124, 170)],  # arm along the floor
        ],
        [],
    ),
    (
        "pelvic-tilt",
        "Lying on the back, knees bent, lower back pressed to the floor",
        (44, 156),
        [
            [(62, 162), (165, 164)],  # torso flat
            [(165, 164), (215, 112), (240, 168)],  # thigh and shin
            [(66, 168), (124, 170)],  # arm along the floor
        ],
        [],
    ),
    (
        "partial-curl",
        "Lying on the back, knees bent, shoulders lifted slightly",
        (66, 128),
        [
            [(86, 142), (165, 164)],  # torso, shoulders a little up
            [(165, 164), (215, 112), (240, 168)],  # thigh and shin
            [(88, 140), (74, 108), (56, 120)],  # hands behind the head
        ],
        [],
    ),
    (
        "prone-on-elbows",
        "Lying face down, propped on the elbows",
        (56, 104),
        [
            [(80, 120), (180, 164)],  # torso
            [(180, 164), (300, 168)],  # legs
            [(80, 120), (88, 166), (40, 168)],  # upper arm, forearm on the floor
        ],
        [],
    ),
    (
        "piriformis",
        "Sitting, ankle crossed over the other knee, leaning forward",
        (112, 46),
        [
            [(168, 116), (126, 64)],  # torso leaning forward
            [(168, 118), (104, 120), (104, 172)],  # the supporting leg
            [(168, 114), (140, 96), (100, 112)],  # ankle over the other knee
            [(126, 66), (136, 98)],  # arm resting on the crossed knee
        ],
        [
            [(118, 126), (196, 126)],  # seat
            [(124, 126), (124, 174)],
            [(190, 126), (190, 174)],
            [(196, 126), (196, 54)],  # backrest
        ],
    ),
    (
        "bird-dog",
        "On hands and knees, one arm and the opposite leg stretched out",
        (70, 92),
        [
            [(90, 110), (200, 110)],  # back, level
            [(90, 110), (90, 170)],  # supporting arm
            [(200, 110), (200, 170), (252, 170)],  # supporting leg
            [(92, 108), (22, 96)],  # arm stretched forward
            [(200, 110), (300, 100)],  # leg stretched back
        ],
        [],
    ),
    (
        "cat-cow",
        "On hands and knees, back rounded and arched in turn",
        (68, 118),
        [
            [(90, 110), (150, 78), (210, 110)],  # back, rounded
            [(90, 110), (90, 170)],  # arm
            [(210, 110), (210, 170), (262, 170)],  # leg
        ],
        [],
    ),
    (
        "walking",
        "Walking",
        (160, 32),
        [
            [(160, 50), (160, 112)],  # torso
            [(160, 112), (136, 172)],  # legs
            [(160, 112), (190, 170)],
            [(160, 64), (136, 102)],  # arms
            [(160, 64), (188, 96)],
        ],
        [],
    ),
]


def main() -> None:
    folder = Path(__file__).resolve().parent
    for stem, title, head, limbs, props in PICTURES:
        (folder / f"{stem}.svg").write_text(picture(title, head, limbs, props), encoding="utf-8")
        print(f"{stem}.svg")


if __name__ == "__main__":
    main()
