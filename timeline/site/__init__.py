"""The MkDocs plugin and the templates that render the events file as a site."""
