// The Catalog module.
