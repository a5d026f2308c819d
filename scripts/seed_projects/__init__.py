"""Hand-written seed project entries and the script that turns them into JSON."""
