"""The web source: fetch public pages politely, crawl sites, and read what they expose."""
