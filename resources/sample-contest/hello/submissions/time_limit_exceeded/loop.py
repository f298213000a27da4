# Never gets round to printing anything.
while True:
    pass
