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
    Place,
    QueryError,
    SavedView,
    Story,
    Tag,
    Text,
    Time,
    actor_names,
    feed_names,
    place_names,
    search_terms,
)
from tui.core.query.parse import parse, quote
from tui.core.query.sql import (
    ActorResolver,
    PlaceResolver,
    SqlFilter,
    compile_node,
    compile_query,
    default_actor_id,
    explain_sql_error,
)

__all__ = [
    "FIELDS", "FLAGS", "Actor", "ActorResolver", "And", "Everything", "Feed", "Flag",
    "Lang", "Node", "Not", "Or", "Place", "PlaceResolver", "QueryError", "SavedView",
    "SqlFilter", "Story", "Tag", "Text", "Time", "actor_names", "compile_node",
    "compile_query", "default_actor_id", "explain_sql_error", "feed_names", "parse",
    "place_names", "quote", "search_terms",
]
