"""Queries ANDed together as a user would type them : `V` inside a view saves
`is:unread actor:putin actor:lavrov`, not `((is:unread) (actor:putin)) (actor:lavrov)`.

Each part is split into its AND terms as written; parentheses around a term that is itself
an AND of terms go, a term given twice (the view's own query saved again) is kept once, and
only a part with an OR at its top keeps its parentheses. The result is checked to mean what
the nested form means (the same terms, by the parser); when it does not, or a part does not
parse, the nested form is kept: it is never wrong, only harder to read.
"""

from __future__ import annotations

from tui.core.query.ast import And, Node, Not, Or, QueryError
from tui.core.query.parse import _lex, parse  # the package's own lexer

_Span = tuple[int, int]


def _spans(text: str) -> list[tuple[str, _Span]]:
    """Each token's kind and where it is in `text`: a word runs to the next token."""
    toks = _lex(text)
    starts = [tok.col - 1 for tok in toks] + [len(text)]
    spans: list[tuple[str, _Span]] = []
    for at, tok in enumerate(toks):
        start = starts[at]
        one = tok.kind in ("lparen", "rparen") or (tok.kind == "neg" and not tok.pieces)
        end = start + 1 if one else len(text[start : starts[at + 1]].rstrip()) + start
        spans.append((tok.kind, (start, end)))
    return spans


def _closing(spans: list[tuple[str, _Span]], at: int) -> int:
    """The index of the ')' that closes the '(' at `at`."""
    depth = 0
    for i in range(at, len(spans)):
        depth += {"lparen": 1, "rparen": -1}.get(spans[i][0], 0)
        if depth == 0:
            return i
    raise QueryError("unclosed '('", spans[at][1][0] + 1)


def _unary_end(spans: list[tuple[str, _Span]], at: int) -> int:
    """The index after the unary term starting at `at` (negations, a word or a group)."""
    while spans[at][0] == "neg":
        at += 1
    return _closing(spans, at) + 1 if spans[at][0] == "lparen" else at + 1


def terms(text: str) -> list[tuple[str, bool]]:
    """`text`'s AND terms as written, each with whether it needs parentheses beside others
    (an OR); parentheses around an AND of terms dropped."""
    spans = _spans(text)
    if not spans:
        return []
    found: list[tuple[str, bool]] = []
    at, depth = 0, 0
    for kind, _ in spans:  # an OR at the top: the whole part is one term
        depth += {"lparen": 1, "rparen": -1}.get(kind, 0)
        if kind == "or" and depth == 0:
            return [(text.strip(), True)]
    while at < len(spans):
        kind, (start, _) = spans[at]
        if kind == "and":
            at += 1
            continue
        end = _unary_end(spans, at)
        if kind == "lparen":
            found += terms(text[start + 1 : spans[end - 1][1][0]])
        else:
            found.append((text[start : spans[end - 1][1][1]], False))
        at = end
    return found


def _flat(node: Node) -> Node:
    """`node` with nested ANDs made one and a term repeated in an AND kept once."""
    if isinstance(node, And):
        items: list[Node] = []
        for item in map(_flat, node.items):
            for one in item.items if isinstance(item, And) else (item,):
                if one not in items:
                    items.append(one)
        return items[0] if len(items) == 1 else And(tuple(items))
    if isinstance(node, Or):
        return Or(tuple(map(_flat, node.items)))
    if isinstance(node, Not):
        return Not(_flat(node.item))
    return node


def nested(*parts: str) -> str:
    """AND several queries, each in parentheses; empty parts vanish."""
    kept = [p.strip() for p in parts if p and p.strip()]
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return " ".join(f"({p})" for p in kept)


def joined(*parts: str) -> str:
    """The parts ANDed as one flat query, each term once (see the module docstring)."""
    plain = nested(*parts)
    try:
        found: list[tuple[str, bool]] = []
        for part in parts:
            found += [term for term in terms(part or "") if term not in found]
        if len(found) == 1:
            flat = found[0][0]
        else:
            flat = " ".join(f"({term})" if grouped else term for term, grouped in found)
        if _flat(parse(flat)) != _flat(parse(plain)):
            return plain
    except (QueryError, IndexError):
        return plain
    return flat
