"""The terminal: `python -m bot ask | chat | run | start | kb …`."""
