"""The query language: text -> AST, with 1-based columns on every error.

One grammar serves the filter bar, `newsdesk list QUERY`, saved views, rules and mutes, so users
learn it once. Modelled on Elfeed/newsboat filters:

    query   := or_expr
    or_expr := and_expr ("OR" and_expr)*          # AND binds tighter than OR
    and_expr:= unary (["AND"] unary)*             # juxtaposition is AND
    unary   := ("-" | "NOT") unary | "(" or_expr ")" | term
    term    := word | "phrase" | +tag | field:value | field:"quoted value"

A bare `-word` hides articles tagged `word` *and* articles whose text contains it, so both the
Elfeed habit (`-junk`) and the search-engine habit (`-football`) do what they look like;
`-tag:word` and `-"word"` are the precise forms.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, NoReturn

from tui.core import search_fold
from tui.core.query.ast import (
    FIELDS,
    FLAGS,
    Actor,
    And,
    Everything,
    Feed,
    Flag,
    Lang,
    Node,
    Not,
    Or,
    Place,
    QueryError,
    SavedView,
    Story,
    Tag,
    Text,
    Time,
)
from tui.core.query.unknown import unknown_field
from tui.core.quotes import QUOTES, closers  # typographic ones quote too, as in tags

MAX_TERMS = 200  # keeps the SQL well under SQLite's expression-depth limit
MAX_LENGTH = 4000
MAX_DEPTH = 32  # parentheses/negations; keeps parsing and compiling recursion shallow


# ---------------------------------------------------------------- lexer


@dataclass(slots=True)
class _Tok:
    kind: Literal["word", "lparen", "rparen", "or", "and", "neg"]
    col: int
    pieces: tuple[tuple[str, bool], ...] = ()  # (text, was quoted)

    @property
    def text(self) -> str:
        return "".join(p for p, _ in self.pieces)


def _fail(message: str, column: int, fix_at: int | None = None) -> NoReturn:
    raise QueryError(message, column, fix_at)


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(_Tok("lparen" if ch == "(" else "rparen", i + 1))
            i += 1
        elif ch == "-":
            if i + 1 >= n or text[i + 1].isspace() or text[i + 1] == ")":
                _fail("'-' must be followed by a term (no space after it)", i + 1)
            toks.append(_Tok("neg", i + 1))
            i += 1
        else:
            i = _lex_word(text, i, toks)
    return toks


def _quoted(text: str, i: int) -> tuple[str, int]:
    """The quoted run opening at `i`: (its text, the index after it). '"' runs take \\" and
    \\\\ escapes and end only at '"'; typographic ones end at their partner (or '"')."""
    buf: list[str] = []
    ends = closers(text[i])
    j, n = i + 1, len(text)
    while True:
        if j >= n:
            _fail('unclosed quote: this " has no closing " (add one after the phrase, or '
                  "leave it out to search the words)", i + 1, n + 1)
        if text[i] == '"' and text[j] == "\\" and j + 1 < n and text[j + 1] in '"\\':
            buf.append(text[j + 1])
            j += 2
        elif text[j] in ends:
            return "".join(buf), j + 1
        else:
            buf.append(text[j])
            j += 1


def _lone(text: str, i: int) -> bool:
    """A typographic quote with no partner after it: punctuation copied with a word
    ("«وعده", "сказал»"), which the word is searched without, as the index reads it."""
    return text[i] != '"' and max(text.rfind(c) for c in closers(text[i])) < i


def _lex_word(text: str, start: int, toks: list[_Tok]) -> int:
    """One shell-like word: unquoted runs and "quoted runs" glued together."""
    pieces: list[tuple[str, bool]] = []
    i, n = start, len(text)
    while i < n and not text[i].isspace() and text[i] not in "()":
        if text[i] in QUOTES and _lone(text, i):
            i += 1
        elif text[i] in QUOTES:
            value, i = _quoted(text, i)
            pieces.append((value, True))
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()" + QUOTES:
                j += 1
            pieces.append((text[i:j], False))
            i = j
    if not pieces:
        return i
    tok = _Tok("word", start + 1, tuple(pieces))
    if len(pieces) == 1 and not pieces[0][1] and pieces[0][0] in ("OR", "AND", "NOT"):
        tok.kind = {"OR": "or", "AND": "and", "NOT": "neg"}[pieces[0][0]]  # type: ignore[assignment]
    toks.append(tok)
    return i


def quote(value: str) -> str:
    """`value` as one term's value that parses back to itself (`feed:` + quote(name)):
    bare when plain, else in '"' with '"' and '\\' escaped (typographic quotes inside stay)."""
    if value and all(c.isalnum() or c in "-_.:/" for c in value) and value[0] != "-":
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def removed_feed_query(name: str, current: list[str] | tuple[str, ...]) -> str:
    """The query for a removed feed's articles alone: `feed:NAME` matches in part once NAME is
    no current feed's name, so each current feed whose name holds it is taken out (a hint to
    `dismiss --query` it must not reach "Cedar Wire" when "Cedar" went)."""
    from tui.core.tagnames import key

    query = f"feed:{quote(name)}"
    others = [other for other in current if key(name) in key(other) and key(other) != key(name)]
    return " ".join([query, *(f"-feed:{quote(other)}" for other in others)])


# ---------------------------------------------------------------- parser

def parse(text: str) -> Node:
    """Parse a query; raise QueryError (never anything else) on bad input."""
    if len(text) > MAX_LENGTH:
        _fail(f"the query is longer than {MAX_LENGTH} characters", MAX_LENGTH + 1)
    for i, ch in enumerate(text):
        if "\ud800" <= ch <= "\udfff":
            _fail("invalid character (lone surrogate)", i + 1)
    parser = _Parser(text, _lex(text))
    return parser.parse()


class _Parser:
    def __init__(self, text: str, toks: list[_Tok]) -> None:
        self.text, self.toks, self.pos, self.terms = text, toks, 0, 0

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def end_col(self) -> int:
        return len(self.text) + 1

    def parse(self) -> Node:
        if not self.toks:
            return Everything()
        node = self.or_expr(0)
        tok = self.peek()
        if tok is not None:  # only a stray ')' can stop or_expr early
            _fail("unmatched ')'", tok.col)
        return node

    def or_expr(self, depth: int) -> Node:
        items = [self.and_expr(depth)]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.pos += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("rparen", "or", "and"):
                _fail("OR needs a term after it", tok.col)
            items.append(self.and_expr(depth))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self, depth: int) -> Node:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind not in ("rparen", "or"):
            if tok.kind == "and":
                self.pos += 1
                nxt = self.peek()
                if not items:
                    _fail("AND needs a term before it", tok.col)
                if nxt is None or nxt.kind in ("rparen", "or", "and"):
                    _fail("AND needs a term after it", tok.col)
            items.append(self.unary(depth))
        if not items:
            tok = self.peek()
            if tok is None:
                _fail("the query ends where a term was expected", self.end_col())
            if tok.kind == "or":
                _fail("OR needs a term before it", tok.col)
            _fail("unmatched ')'", tok.col)
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self, depth: int) -> Node:
        tok = self.toks[self.pos]
        self.pos += 1
        if depth >= MAX_DEPTH:
            _fail(f"too deeply nested (more than {MAX_DEPTH} levels)", tok.col)
        if tok.kind == "neg":
            nxt = self.peek()
            if nxt is None or nxt.kind in ("rparen", "or", "and"):
                what = "NOT" if tok.pieces else "'-'"
                _fail(f"{what} must be followed by a term", tok.col)
            if nxt.kind == "word":
                node = self.term(nxt)
                self.pos += 1
                if isinstance(node, Text) and _is_bare(nxt):
                    return Not(Or((Tag(node.text), node)))  # `-word`: see module docstring
                return Not(node)
            return Not(self.unary(depth + 1))
        if tok.kind == "lparen":
            nxt = self.peek()
            if nxt is not None and nxt.kind == "rparen":
                _fail("empty parentheses", tok.col)
            if nxt is None:
                _fail("unclosed '('", tok.col)
            node = self.or_expr(depth + 1)
            close = self.peek()
            if close is None or close.kind != "rparen":
                _fail("unclosed '('", tok.col)
            self.pos += 1
            return node
        if tok.kind == "rparen":
            _fail("unmatched ')'", tok.col)
        return self.term(tok)

    def term(self, tok: _Tok) -> Node:
        self.terms += 1
        if self.terms > MAX_TERMS:
            _fail(f"too many terms (at most {MAX_TERMS})", tok.col)
        first, quoted = tok.pieces[0]
        if not quoted and first.startswith("+"):
            name = (first[1:] + "".join(p for p, _ in tok.pieces[1:])).strip()
            if not name:
                _fail("'+' needs a tag name after it", tok.col)
            return Tag(name)
        match = None if quoted else re.match(r"([A-Za-z]+):", first)
        if match:
            field = match.group(1).lower()
            rest = ((first[match.end():], False), *tok.pieces[1:])
            if field in FIELDS:
                return _field(field, rest, tok.col, tok.col + match.end())
            value = "".join(p for p, _ in rest)
            # `name:value` is a field or an error; a bare `Breaking:` stays a word, and so
            # does a link (`https://...`), which no one means as a field
            given = len(rest) > 1 or bool(value)
            if (given and not value.startswith("//")) or _near_field(field):
                _fail(unknown_field(match.group(1), value, tok.text), tok.col)
        return _text(tok.pieces, tok.col, None)


def _near_field(name: str) -> bool:
    """A near miss (`author:` for `actor:`) is an error even with nothing after it."""
    return bool(difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6))


def _is_bare(tok: _Tok) -> bool:
    return len(tok.pieces) == 1 and not tok.pieces[0][1] and not tok.pieces[0][0].endswith("*")


def _text(pieces: tuple[tuple[str, bool], ...], col: int,
          field: Literal["title"] | None) -> Text:
    prefix = not pieces[-1][1] and pieces[-1][0].endswith("*")
    if prefix:
        pieces = (*pieces[:-1], (pieces[-1][0].rstrip("*"), False))
    text = "".join(p for p, _ in pieces)
    if not text.strip():
        _fail("'*' needs a word before it" if prefix else "empty quotes", col)
    return Text(text, phrase=any(q for _, q in pieces), prefix=prefix, field=field)


def _field(field: str, pieces: tuple[tuple[str, bool], ...], col: int, value_col: int) -> Node:
    pieces = tuple(p for p in pieces if p[0] or p[1])
    value = "".join(p for p, _ in pieces).strip()
    if not value:
        _fail(f"{field}: needs a value", col)
    if field == "is":
        flag = value.lower()
        if flag not in FLAGS:
            _fail(f"unknown is:{value} (expected one of {', '.join(FLAGS)})", value_col)
        return Flag(flag)  # type: ignore[arg-type]
    if field == "tag":
        return Tag(value)
    if field == "feed":
        return Feed(value)
    if field == "actor":
        return Actor(value)
    if field in ("place", "country"):
        return Place(value)
    if field == "story":
        if not re.fullmatch(r"[0-9]{1,18}", value):
            _fail(f"story: needs a story number, not {value!r}", value_col)
        return Story(int(value))
    if field == "lang":
        if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", value):
            _fail(f"lang: needs a language code like ru or ar, not {value!r}", value_col)
        return Lang(value.lower().replace("_", "-"))
    if field == "title":
        return _text(pieces, value_col, "title")
    if field == "view":
        return SavedView(value, col)
    return _time(field, value, value_col)  # since, before


_UNITS = {"h": 1 / 24, "hour": 1 / 24, "d": 1, "day": 1, "w": 7, "week": 7,
          "mo": 30, "month": 30, "y": 365, "year": 365}
_RELATIVE = re.compile(r"([0-9]{1,6}) ?(h|hours?|d|days?|w|weeks?|mo|months?|y|years?)",
                       re.IGNORECASE)


def _time(field: str, value: str, col: int) -> Time:
    bound: Literal["since", "before"] = "since" if field == "since" else "before"
    typed, value = value, search_fold.fold(value)  # Persian/Arabic digits, as search reads
    low = value.lower()
    if low in ("today", "yesterday"):
        back = timedelta(days=1 if low == "yesterday" else 0)
        return Time(bound, delta=back, start_of_day=True)
    rel = _RELATIVE.fullmatch(value)
    if rel:
        unit = rel.group(2).lower()
        days = int(rel.group(1)) * _UNITS[unit if unit in _UNITS else unit.rstrip("s")]
        if days > 365 * 200:
            _fail(f"{field}: {typed} is too far back", col)
        return Time(bound, delta=timedelta(days=days))
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+)?(Z|[+-][0-9:]+)?", value):
        try:
            at = datetime.fromisoformat(value)
            at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
        except (ValueError, OverflowError):
            _fail(f"{field}: {typed!r} is not a valid date", col)
        return Time(bound, at=at)
    _fail(f"{field}: needs 3h, 2d, 1w, 6mo, 1y, today, yesterday or a date like "
          f"2024-08-01, not {typed!r}", col)
