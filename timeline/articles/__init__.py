"""Loading articles and their publication dates from Markdown, plain text and more."""
from timeline.articles.loader import find_article_files, load_articles
from timeline.articles.model import Article

__all__ = ["Article", "find_article_files", "load_articles"]
