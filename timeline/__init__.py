"""timeline: turn news articles into a sourced, dated chronology and publish it.

Data flows one way: articles -> resolver -> events -> YAML store -> site.
"""
__version__ = "0.1.0"
