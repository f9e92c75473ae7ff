"""Drop boxes (issue 14, docs/sync.md "Drop boxes"): untrusted storage where each device
writes its own folder (its bundles, its signed receipt) and reads the folders of the
devices it trusts. `transport` is the contract every place a drop box can be implements
(a folder, a WebDAV server, a coordinator's laptop on the LAN)."""
