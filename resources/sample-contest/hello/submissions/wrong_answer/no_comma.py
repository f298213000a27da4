# Wrong: the punctuation matters.
print("Hello World")
