# Waits for a measurement that never comes.
while True:
    pass
