# Waits for the interactor to speak first: both wait, until the wall-clock limit.
input()
