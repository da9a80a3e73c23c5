import Custody

print("custody")
