// The Timeline module.
