// The Custody module.
