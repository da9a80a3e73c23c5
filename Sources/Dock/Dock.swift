// The Dock module.
