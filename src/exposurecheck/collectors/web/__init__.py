"""The `web` source: council pages, party sites and news that expose officials."""

from exposurecheck.collectors.web.collector import WebCollector

__all__ = ["WebCollector"]
