"""Capability logic: plain values and a database session in, plain results out. No Discord."""
