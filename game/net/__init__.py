"""The classroom network layer: a room on the local network that students' devices join (the only code that opens a
socket; it only listens, and only while a teacher has a room open)."""
