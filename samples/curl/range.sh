curl -r 0-1023 https://api.example.com/v1/exports/large.csv -H 'Accept: text/csv'
