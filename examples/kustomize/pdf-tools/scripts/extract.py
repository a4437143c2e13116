"""Print the text of every page of a PDF file, each page after a '--- page N ---' line."""
import sys

from pypdf import PdfReader


def main(path: str) -> None:
    reader = PdfReader(path)
    for number, page in enumerate(reader.pages, start=1):
        print(f"--- page {number} ---")
        print(page.extract_text() or "")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: extract.py FILE.pdf")
    main(sys.argv[1])
