"""The query language, one for the filter bar, `newsdesk list QUERY`, saved views, rules and mutes.

Public face of `query_ast` (nodes), `query_parse` (text -> AST) and `query_sql` (AST ->
parameterised SQL):

    flt = compile_query("+iran -is:read since:2d", now=utcnow())
    conn.execute(f"SELECT a.id FROM articles a WHERE {flt.where}", flt.params)
"""

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
    QueryError,
    Story,
    Tag,
    Text,
    Time,
    search_terms,
)
from tui.core.query.parse import parse
from tui.core.query.sql import (
    ActorResolver,
    SqlFilter,
    compile_node,
    compile_query,
    default_actor_id,
    explain_sql_error,
)

HELP = """\
words            full text (title and body); "a phrase"; pipe* for a prefix
title:WORD       only in titles; title:"a phrase"
+tag  tag:TAG    tagged; +"two words" for tags with spaces
is:unread  is:read  is:saved  is:dismissed
feed:NAME        feed name contains NAME (any case); feed:"Levant Ledger"
actor:NAME       mentions an actor (name or alias); actor:"Vladimir Putin"
story:ID         in a story cluster
since:2d  before:1w   h d w mo y, today, yesterday, or 2024-08-01
lang:ru          article language
-TERM  NOT TERM  negate anything: -is:read -feed:x -"phrase" -(a OR b)
-word            hides articles tagged `word` AND articles containing it
a b              both (AND is implicit; AND binds tighter than OR)
a OR b  ( )      either; group with parentheses"""

__all__ = [
    "FIELDS", "FLAGS", "HELP", "Actor", "ActorResolver", "And", "Everything", "Feed", "Flag",
    "Lang", "Node", "Not", "Or", "QueryError", "SqlFilter", "Story", "Tag", "Text", "Time",
    "compile_node", "compile_query", "default_actor_id", "explain_sql_error", "parse",
    "search_terms",
]
