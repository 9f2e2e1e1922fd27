"""The bundled demo: invented outlets carrying our own articles, served on 127.0.0.1."""

from tui.demo.server import DemoFeed, DemoServer, write_demo_config

__all__ = ["DemoFeed", "DemoServer", "write_demo_config"]
