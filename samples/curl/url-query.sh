curl --url-query 'q=a b&c' --url-query '+raw=x%20y' --url-query 'notes@notes.txt' 'https://api.example.com/v1/find?start=1'
