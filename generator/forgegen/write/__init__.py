"""Write: formatted files → an output folder, swapped in atomically.

``tree`` owns the folder through its manifest, ``fingerprint`` says whether a
rebuild would change anything, ``record`` keeps the built API for the next
diff, and ``check`` compares a committed tree with a fresh build.
"""
