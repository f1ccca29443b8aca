"""The MkDocs (and ProperDocs) adapter: the plugin, and live reload under the site's
Content-Security-Policy."""
