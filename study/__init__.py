"""Model, validation and rendering for the OpenVZ 7.0 architecture study."""
