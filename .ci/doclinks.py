"""Fails when a built mdBook has a broken internal link.

Usage: python3 .ci/doclinks.py BOOK_HTML_DIR

Every href and src in every HTML file that is not an external address must
name a file of the book (a folder means its index.html), and every #anchor
must be an id (or a name) in the file it points at.
"""

import html.parser
import os
import sys
import urllib.parse

EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "//")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.base = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and tag != "meta":
                self.ids.add(value)
            elif tag == "base" and name == "href":
                self.base = value
            elif name in ("href", "src") and tag not in ("base",):
                self.links.append((tag, value, self.getpos()[0]))


def main(root):
    pages = {}
    for folder, _, files in os.walk(root):
        for file in files:
            if file.endswith(".html"):
                path = os.path.join(folder, file)
                page = Page()
                with open(path, encoding="utf-8") as f:
                    page.feed(f.read())
                pages[os.path.normpath(path)] = page

    broken = []
    for path, page in sorted(pages.items()):
        here = os.path.dirname(path)
        if page.base is not None and page.base.startswith("/"):
            here = os.path.join(root, page.base.lstrip("/"))
        for tag, link, line in page.links:
            if not link or link.lower().startswith(EXTERNAL):
                continue
            address, _, fragment = link.partition("#")
            address = urllib.parse.unquote(address.split("?")[0])
            fragment = urllib.parse.unquote(fragment)
            if address == "":
                target = path
            elif address.startswith("/"):
                target = os.path.join(root, address.lstrip("/"))
            else:
                target = os.path.join(here, address)
            target = os.path.normpath(target)
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            where = f"{os.path.relpath(path, root)}:{line}"
            if os.path.relpath(target, root).split(os.sep)[0] == "..":
                broken.append(f"{where}: {link} leads outside the book")
            elif not os.path.isfile(target):
                broken.append(f"{where}: {link}: no such file")
            elif fragment and target.endswith(".html") and fragment not in pages[target].ids:
                broken.append(f"{where}: {link}: no id \"{fragment}\" in {os.path.relpath(target, root)}")

    for finding in broken:
        print(finding)
    print(f"{len(pages)} pages checked, {len(broken)} broken links")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
