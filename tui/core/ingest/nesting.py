"""Runaway nesting flattened, so libxml2 keeps the text inside it.

libxml2's HTML parser stops at 256 levels ("Excessive depth in document"): an article body
inside 300 nested divs, and everything after it, was dropped without a word. Its huge-tree
option only moves the wall (to 2048) and lifts the other limits with it. Here the markup is
read once as tags and the ones past a depth are left out, their text kept where it was:
wrappers (div, span, font...) past `WRAPPED`, any tag past `DEEPEST`, so paragraphs, lists
and links under a pile of wrappers still stand as themselves. Only pages (and feed HTML) the
parser said were too deep come here; one pass over the text, linear in its length.
"""

from __future__ import annotations

import re
import threading
from typing import Any

WRAPPED = 128  # wrappers kept up to this depth; parents of what the text is made of above it
DEEPEST = 200  # no element deeper (libxml2's limit, 256, less room for what wraps a fragment)
_CONTENT = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                      "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
                      "td", "th", "a", "article", "main", "figure", "figcaption", "html",
                      "head", "body"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr", "keygen", "command", "basefont",
                   "frame", "isindex"})
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                  "noframes", "plaintext"})
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
# A tag's name, then its attributes up to the next '>' (bounded: a '<' in text with no '>'
# for 4 KB is text, and is not scanned again from every '<' after it).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,63})(?=[\s/>])[^>]{0,4096}>")
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in _RAW}


def too_deep(parsed: Any) -> bool:
    """The last parse with this lxml parser (or the one that raised this XMLSyntaxError)
    stopped at libxml2's depth limit."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message.lower()
               for e in parsed.error_log)


def fragment(html: str) -> Any:
    """Feed HTML (a summary, content:encoded) as lxml.html's `fragment_fromstring` gives it
    under one <div>, flattened and parsed again when it was too deep."""
    from lxml import html as lxml_html

    parser = _fragment_parser()
    root = lxml_html.fragment_fromstring(html, create_parent="div", parser=parser)
    if too_deep(parser):
        root = lxml_html.fragment_fromstring(flatten(html), create_parent="div", parser=parser)
    return root


_OWN = threading.local()


def _fragment_parser() -> Any:
    """lxml.html's default parser, but ours, one per thread (as lxml's is): its error log
    says when the last parse was too deep."""
    parser = getattr(_OWN, "parser", None)
    if parser is None:
        from lxml import html as lxml_html

        parser = _OWN.parser = lxml_html.HTMLParser()
    return parser


def flatten(markup: str) -> str:
    """`markup` without the tags past the depths above (their text and their children's
    text kept in place); comments, CDATA and raw text (script, style) passed over as they are.
    Well-formed XML stays well-formed: a tag left out is left out with its closing tag."""
    out: list[str] = []
    names: list[str] = []  # each open element's name, one string per name (`same`): a page
    kept_too: list[bool] = []  # of a million open tags holds references, not a million names
    same: dict[str, str] = {}
    open_count: dict[str, int] = {}
    kept = 0  # open elements written out
    pos = written = 0  # where the scan is; how far the markup is copied to `out`
    end = markup.rfind(">") + 1
    while (at := markup.find("<", pos, end)) >= 0:
        if markup.startswith("<!--", at):
            shut = markup.find("-->", at + 4)
            pos = end if shut < 0 else shut + 3
            continue
        if markup.startswith("<![CDATA[", at):  # a feed's escaped HTML: text, not nesting
            shut = markup.find("]]>", at + 9)
            pos = end if shut < 0 else shut + 3
            continue
        tag = _TAG.match(markup, at)
        if tag is None:
            pos = at + 1
            continue
        pos = tag.end()
        name = same.setdefault(low := tag.group(2).lower(), low)
        if tag.group(1):  # a closing tag: what it closes, and whether that was left out
            if open_count.get(name):
                while True:
                    top, was_kept = names.pop(), kept_too.pop()
                    open_count[top] -= 1
                    kept -= was_kept
                    if top == name:
                        break
                if not was_kept:
                    out.append(markup[written:at])
                    written = pos
            continue
        if name in _VOID or tag.group(0).endswith("/>"):
            continue
        if name in _SELF_CLOSING and names and names[-1] == name:  # <p>..<p>: the first closed
            names.pop()
            kept -= kept_too.pop()
            open_count[name] -= 1
        keep = kept < DEEPEST and (kept < WRAPPED or name in _CONTENT)
        if not keep:
            out.append(markup[written:at])
            written = pos
        names.append(name)
        kept_too.append(keep)
        open_count[name] = open_count.get(name, 0) + 1
        kept += keep
        if name in _RAW:
            close = _RAW_END[name].search(markup, pos)
            if close is None:
                break
            pos = close.start()
    out.append(markup[written:])
    return "".join(out)
