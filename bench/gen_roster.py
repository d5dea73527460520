#!/usr/bin/env python3
"""Writes a valid group-enrolment roster CSV for the benchmark (used by bench/run.sh).

usage: gen_roster.py ROWS SEED OUT.csv [CATEGORY]

Every row passes the roster checks of the mutual-aid module: 18-character GB 11643 ID number with a
correct check digit, birth date giving an age of 20..59, gender matching the ID's 17th digit, a
mobile number, category CATEGORY (default 在职职工; run.sh uses 新就业形态劳动者 for the gig workers'
plan WX-XINBAO, whose members file the claims of the write benchmark), basic insurance and union
membership 是. SEED makes the ID numbers of one run distinct from those of another (duplicates
against the same plan are refused); run.sh uses seeds 1..BENCH_RUNS for the bulk roster and 0 for
the gig workers.
"""
import datetime
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
REGIONS = ["320202", "320205", "320206", "320211", "320213", "320214"]  # Wuxi districts
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def check_digit(first17: str) -> str:
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def main() -> None:
    rows, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    category = sys.argv[4] if len(sys.argv) > 4 else "在职职工"
    base = datetime.date(1970, 1, 1)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("姓名,身份证号,手机号,性别,类别,参加基本医保,工会会员\n")
        for i in range(rows):
            n = seed * 10_000_000 + i
            region = REGIONS[n % len(REGIONS)]
            # 365 * 25 birth days (1970..1994) x 999 sequence numbers: unique over ~9 million rows
            birth = base + datetime.timedelta(days=(n // 999) % (365 * 25))
            seq = n % 999 + 1  # 001..999; its parity (the 17th digit) gives the gender
            first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
            idn = first17 + check_digit(first17)
            gender = "男" if seq % 2 else "女"
            name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 7) % len(GIVEN)] + GIVEN[(n // 131) % len(GIVEN)]
            phone = f"139{n % 100_000_000:08d}"
            f.write(f"{name},{idn},{phone},{gender},{category},是,是\n")


if __name__ == "__main__":
    main()
