curl https://api.example.com/v1/notes -F 'text=<notes.txt' -F 'author=Asha'
