"""Scan and scrub documents before publication: personal data out of council and Woo documents."""
