"""deskapp: review monitored news articles for quotes and attributions."""

__version__ = "0.1.0"
