"""Write searcher/data/tcvn3.tsv: TCVN3 (ABC) bytes 0xA1-0xFF → Unicode, from the
TCVN 5712:1993 converter of the system's iconv (glibc), the standard's own table.

    python tools/build_tcvn3_table.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "searcher" / "data" / "tcvn3.tsv"


def main() -> None:
    rows = ["# byte\tunicode (TCVN 5712:1993 = TCVN3/ABC in 0xA1-0xFF; from glibc iconv)"]
    for byte in range(0xA1, 0x100):
        done = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]), capture_output=True
        )
        char = done.stdout.decode("utf-8")
        if done.returncode == 0 and char and char != chr(byte):
            rows.append(f"{byte:02X}\tU+{ord(char):04X}\t{char}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} rows to {OUT}")


if __name__ == "__main__":
    main()
