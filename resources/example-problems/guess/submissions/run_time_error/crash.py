# Crashes before the first guess: run-time error, whatever the interactor then says.
print(1 // 0)
