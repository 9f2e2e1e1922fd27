"""newsboat's filter language, as its `query:` feeds use it, in newsdesk's query language.

A newsboat query feed is a saved search: here it becomes a [[view]]. The common forms
translate: `unread = "yes"` (is:unread), `tags # "x"` (tag:x), `title =~ "x"` (title:x),
`content =~ "x"` (words), `feedtitle =~ "x"` (feed:x), `age < N` (since:Nd), each with its
negation, joined by `and`, `or` and parentheses. A regular expression with more than plain
words in it, or any other attribute, has no match here: the whole query is then said to be
untranslated (`Untranslatable` names the part), never half translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'\s*(?:(?P<paren>[()])|(?P<op>=~|!~|!=|!#|<=|>=|=|#|<|>)|'
                    r'"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<word>[^\s()"=!#<>~]+))')
_PLAIN = re.compile(r"[^\W_]+(?:[\s'\u2019-]+[^\W_]+)*")  # words, no regex syntax


class Untranslatable(ValueError):
    """A part of the filter with no newsdesk equivalent; the message names it."""


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # paren, op, value, word
    text: str


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    pos = 0
    while pos < len(text):
        if not text[pos:].strip():
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise Untranslatable(f"cannot read {text[pos:].strip()!r}")
        kind = match.lastgroup or "word"
        value = match.group(kind)
        if kind == "quoted":
            kind, value = "value", re.sub(r"\\(.)", r"\1", value)
        out.append(_Tok(kind, value))
        pos = match.end()
    return out


def translate(text: str) -> str:
    """The newsdesk query for a newsboat filter; raises Untranslatable."""
    parser = _Parser(_tokens(text))
    query = parser.or_expr(top=True)
    if parser.pos != len(parser.toks):
        raise Untranslatable(f"unexpected {parser.toks[parser.pos].text!r}")
    return query


def _quoted(value: str) -> str:
    return value if re.fullmatch(r"[^\W_][\w-]*", value) else '"' + value.replace('"', "") + '"'


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.pos = 0

    def _peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def _take(self) -> _Tok:
        tok = self._peek()
        if tok is None:
            raise Untranslatable("the filter ends too soon")
        self.pos += 1
        return tok

    def or_expr(self, top: bool = False) -> str:
        parts = [self.and_expr()]
        while (tok := self._peek()) is not None and tok.kind == "word" \
                and tok.text.lower() == "or":
            self.pos += 1
            parts.append(self.and_expr())
        joined = " OR ".join(parts)
        return joined if top or len(parts) == 1 else f"({joined})"

    def and_expr(self) -> str:
        parts = [self.primary()]
        while (tok := self._peek()) is not None and tok.kind == "word" \
                and tok.text.lower() == "and":
            self.pos += 1
            parts.append(self.primary())
        return " ".join(parts)

    def primary(self) -> str:
        tok = self._take()
        if tok.kind == "paren" and tok.text == "(":
            inner = self.or_expr()
            close = self._take()
            if close.text != ")":
                raise Untranslatable("a parenthesis is not closed")
            return inner
        if tok.kind != "word":
            raise Untranslatable(f"unexpected {tok.text!r}")
        op, value = self._take(), self._take()
        if op.kind != "op" or value.kind not in ("value", "word"):
            raise Untranslatable(f"{tok.text} {op.text} {value.text}: not a comparison")
        return _comparison(tok.text.lower(), op.text, value.text)


_FIELDS = {"title": "title:", "content": "", "description": "", "feedtitle": "feed:"}


def _comparison(attribute: str, op: str, value: str) -> str:
    said = f"{attribute} {op} \"{value}\""
    if attribute == "unread" and op in ("=", "!=") and value.lower() in ("yes", "no"):
        unread = (value.lower() == "yes") == (op == "=")
        return "is:unread" if unread else "is:read"
    if attribute == "tags" and op in ("#", "!#") and value.strip():
        term = f"tag:{_quoted(value.strip())}"
        return term if op == "#" else f"-{term}"
    if attribute in _FIELDS and op in ("=~", "!~", "=", "!=") and _PLAIN.fullmatch(value):
        term = _FIELDS[attribute] + _quoted(value)
        if not _FIELDS[attribute] and term[0] != '"':
            term = f'"{term}"'  # a bare word negated would hide a tag of that name too
        return term if op in ("=~", "=") else f"-{term}"
    if attribute == "age" and op in ("<", "<=", ">", ">=") and value.isdigit():
        return f"since:{value}d" if op in ("<", "<=") else f"before:{value}d"
    raise Untranslatable(f"{said} has no newsdesk equivalent")
